/** @module `agent-loop`: feed tool results back as agent frameworks do, count repeated calls, stop at a guard. */
import { readChatCompletion } from '../chat-response.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
  unreadableAnswer,
} from '../probe-kind.ts';
import {
  chatRequest,
  isForced,
  type JudgedCall,
  judgeCall,
  TOOL_CALL_PARAMETER_PROPERTIES,
  type ToolCallParameters,
  toolsOf,
} from './tool-calling.ts';

export interface AgentLoopParameters extends ToolCallParameters {
  /** Turns before the loop counts as never ending (a failure of loop-terminates). */
  maxIterations?: number;
  /** What each tool "returns", by tool name (a string as is, anything else as JSON). */
  toolResults?: Record<string, unknown>;
}

export interface AgentLoopObservations {
  /** Status of the last answer: the loop stops at the first that is not a 2xx. */
  lastStatus: number | null;
  iterations: number;
  maxIterations: number;
  hitGuard: boolean;
  calls: JudgedCall[];
  repeatedCalls: number;
  finalAnswer: string | null;
}

function toolResult(context: ProbeContext, name: string): string {
  const result = parametersOf<AgentLoopParameters>(context).toolResults?.[name];
  return typeof result === 'string' ? result : JSON.stringify(result ?? { ok: true });
}

export const agentLoopKind: ProbeKind<'agent-loop'> = {
  name: 'agent-loop',
  parameters: {
    type: 'object',
    properties: {
      ...TOOL_CALL_PARAMETER_PROPERTIES,
      maxIterations: { type: 'integer', minimum: 1, maximum: 50 },
      toolResults: { type: 'object' },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const settings = parametersOf<AgentLoopParameters>(context);
    const maxIterations = settings.maxIterations ?? 5;
    const stream = settings.stream === true;
    const firstChoice = settings.toolChoice ?? 'any';
    const messages: unknown[] = [
      { role: 'user', content: settings.prompt ?? 'What is the weather in Paris?' },
    ];
    const outcome = emptyOutcome();
    const seen = new Set<string>();
    const calls: JudgedCall[] = [];
    let finalAnswer: string | null = null;
    let iterations = 0;
    while (iterations < maxIterations) {
      iterations += 1;
      const exchange = await context.send(
        chatRequest(context, messages, iterations === 1 ? firstChoice : 'auto', stream),
      );
      outcome.exchanges.push(exchange);
      outcome.failure = unreadableAnswer(exchange, { expectJson: true });
      if (outcome.failure || (exchange.status ?? 0) >= 400) break;
      const reading = readChatCompletion(exchange);
      if (reading.toolCalls.length === 0) {
        finalAnswer = reading.content;
        break;
      }
      const judged = reading.toolCalls.map((call) => judgeCall(call, toolsOf(context), seen));
      calls.push(...judged);
      messages.push({
        role: 'assistant',
        content: '',
        tool_calls: reading.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.rawArguments },
        })),
      });
      for (const call of reading.toolCalls) {
        messages.push({
          role: 'tool',
          tool_call_id: call.id,
          name: call.name,
          content: toolResult(context, call.name),
        });
      }
    }
    const hitGuard = finalAnswer === null && !outcome.failure && iterations >= maxIterations;
    const repeatedCalls = calls.filter((call) => call.repeated).length;
    const observations: AgentLoopObservations = {
      lastStatus: outcome.exchanges.at(-1)?.status ?? null,
      iterations,
      maxIterations,
      hitGuard,
      calls,
      repeatedCalls,
      finalAnswer: finalAnswer?.slice(0, 500) ?? null,
    };
    outcome.observation = { kind: 'agent-loop', data: observations };
    outcome.measurements = {
      toolCalls: {
        forced: isForced(firstChoice),
        ...(isForced(firstChoice) ? { forcedCallMade: calls.length > 0 } : {}),
        calls: calls.length,
        validArguments: calls.filter((call) => call.argumentsValid).length,
        repeatedCalls,
        iterations,
        hitGuard,
      },
    };
    const first = outcome.exchanges[0];
    if (first) outcome.timings = { ttfbMs: first.timings.ttfbMs ?? undefined, e2eMs: first.timings.e2eMs };
    return outcome;
  },
};
