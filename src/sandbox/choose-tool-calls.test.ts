/** @module sandbox/choose-tool-calls.test — the deterministic tool policy (auto relevance, forced, parallel, faults). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ChatRequest, FunctionTool } from './chat-request.ts';
import { chooseToolCalls } from './choose-tool-calls.ts';
import { DEFAULT_PROFILE, type SandboxFaults } from './profile.ts';

const FAITHFUL: SandboxFaults = DEFAULT_PROFILE.faults;

function tool(name: string, description: string, parameters: Record<string, unknown>): FunctionTool {
  return { type: 'function', function: { name, description, parameters } };
}

const WEATHER = tool('get_weather', 'Get the current weather for a city', {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 7 },
  },
  required: ['city', 'unit'],
  additionalProperties: false,
});
const FLIGHTS = tool('searchFlights', 'Find flights between two airports', {
  type: 'object',
  properties: {
    from: { type: 'string', minLength: 3, maxLength: 3 },
    to: { type: 'string', minLength: 3, maxLength: 3 },
    date: { type: 'string', format: 'date' },
  },
  required: ['from', 'to'],
});

function request(content: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'm', messages: [{ role: 'user', content }], tools: [WEATHER, FLIGHTS], ...extra };
}

function callNames(decision: ReturnType<typeof chooseToolCalls>): string[] {
  return 'kind' in decision && decision.kind === 'calls' ? decision.calls.map((call) => call.name) : [];
}

describe('chooseToolCalls', () => {
  it('auto calls the tool sharing a word with the prompt, and nothing for irrelevant prompts', () => {
    expect(callNames(chooseToolCalls(request('What is the weather in Lyon?'), FAITHFUL))).toEqual([
      'get_weather',
    ]);
    expect(callNames(chooseToolCalls(request('Find me FLIGHTS to Rome'), FAITHFUL))).toEqual([
      'searchFlights',
    ]);
    expect(chooseToolCalls(request('Tell me a joke about cats'), FAITHFUL)).toEqual({ kind: 'text' });
  });

  it('parallel_tool_calls gives several calls, false gives one', () => {
    const both = request('Weather in Rome and flights from Paris');
    expect(callNames(chooseToolCalls(both, FAITHFUL))).toEqual(['get_weather', 'searchFlights']);
    expect(callNames(chooseToolCalls({ ...both, parallel_tool_calls: false }, FAITHFUL))).toEqual([
      'get_weather',
    ]);
  });

  it('none gives text; any/required force a call; a named choice calls that tool', () => {
    expect(chooseToolCalls(request('weather?', { tool_choice: 'none' }), FAITHFUL)).toEqual({ kind: 'text' });
    expect(callNames(chooseToolCalls(request('hello', { tool_choice: 'any' }), FAITHFUL))).toEqual([
      'get_weather',
    ]);
    expect(callNames(chooseToolCalls(request('hello', { tool_choice: 'required' }), FAITHFUL))).toEqual([
      'get_weather',
    ]);
    const named = request('weather?', {
      tool_choice: { type: 'function', function: { name: 'searchFlights' } },
    });
    expect(callNames(chooseToolCalls(named, FAITHFUL))).toEqual(['searchFlights']);
    expect(callNames(chooseToolCalls(named, { ...FAITHFUL, ignoreToolChoice: true }))).toEqual([
      'get_weather',
    ]);
  });

  it('produces arguments that satisfy the parameters schema', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const [prompt, schema] of [
      ['weather in Lyon', WEATHER.function.parameters],
      ['flights from Paris', FLIGHTS.function.parameters],
    ] as const) {
      const decision = chooseToolCalls(request(prompt), FAITHFUL);
      const call = 'kind' in decision && decision.kind === 'calls' ? decision.calls[0] : undefined;
      expect(ajv.validate(schema, JSON.parse(call?.arguments ?? 'null')), ajv.errorsText()).toBe(true);
    }
  });

  it('after a tool result: text with auto, the same call again with the looping fault', () => {
    const call = {
      id: 'abcdefghi',
      function: { name: 'get_weather', arguments: '{"city": "Lyon", "unit": "celsius"}' },
    };
    const afterResult = request('weather in Lyon', {
      messages: [
        { role: 'user', content: 'weather in Lyon' },
        { role: 'assistant', content: '', tool_calls: [call] },
        { role: 'tool', content: 'sunny', tool_call_id: 'abcdefghi' },
      ],
    });
    expect(chooseToolCalls(afterResult, FAITHFUL)).toEqual({ kind: 'text' });
    expect(chooseToolCalls(afterResult, { ...FAITHFUL, repeatToolCallAfterResult: true })).toEqual({
      kind: 'calls',
      calls: [{ name: 'get_weather', arguments: call.function.arguments }],
    });
  });
});
