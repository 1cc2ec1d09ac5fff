/** @module `tool-call`: one turn with tools and a tool_choice; what was called and with what. */
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
  TOOL_CALL_PARAMETERS,
  type ToolCallParameters,
  toolsOf,
} from './tool-calling.ts';

export interface ToolCallObservations {
  toolChoice: string;
  forced: boolean;
  calls: JudgedCall[];
  text: string;
  finishReason: string | null;
  status: number | null;
}

export const toolCallKind: ProbeKind<'tool-call'> = {
  name: 'tool-call',
  parameters: TOOL_CALL_PARAMETERS,
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const parameters = parametersOf<ToolCallParameters>(context);
    const choice = parameters.toolChoice;
    const stream = parameters.stream === true;
    const prompt = parameters.prompt ?? 'What is the weather in Paris?';
    const exchange = await context.send(
      chatRequest(context, [{ role: 'user', content: prompt }], choice, stream),
    );
    const outcome = emptyOutcome();
    outcome.exchanges.push(exchange);
    outcome.failure = unreadableAnswer(exchange, { expectJson: true });
    if (outcome.failure || exchange.status === null) return outcome;
    const reading = readChatCompletion(exchange);
    const seen = new Set<string>();
    const calls = reading.toolCalls.map((call) => judgeCall(call, toolsOf(context), seen));
    const forced = isForced(choice);
    const observations: ToolCallObservations = {
      toolChoice: choice ?? 'auto',
      forced,
      calls,
      text: reading.content.slice(0, 500),
      finishReason: reading.finishReason,
      status: exchange.status,
    };
    outcome.observation = { kind: 'tool-call', data: observations };
    const answered = exchange.status >= 200 && exchange.status < 300;
    if (answered) {
      outcome.measurements = {
        toolCalls: {
          forced,
          ...(forced ? { forcedCallMade: calls.length > 0 } : {}),
          calls: calls.length,
          validArguments: calls.filter((call) => call.argumentsValid).length,
          repeatedCalls: 0,
        },
      };
    }
    outcome.timings = { ttfbMs: exchange.timings.ttfbMs ?? undefined, e2eMs: exchange.timings.e2eMs };
    return outcome;
  },
};
