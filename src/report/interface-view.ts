/**
 * @module The Interface table: what this run measured (REST, SDK, MCP) first, the profile's word
 * for what no probe can see (GraphQL, gRPC, webhooks), and which of the two each row rests on.
 */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { NULL_DISPLAY, yesNo } from './format.ts';
import type { InterfaceRow } from './report-rows.ts';

type InterfaceKey = keyof TargetProfile['sections']['interface'];

const INTERFACES: { key: InterfaceKey; label: string; kinds: readonly string[] }[] = [
  { key: 'restApi', label: 'REST API', kinds: ['http', 'models', 'chat-stream', 'json-mode', 'tool-call'] },
  { key: 'graphql', label: 'GraphQL', kinds: [] },
  { key: 'grpc', label: 'gRPC', kinds: [] },
  { key: 'mcpServer', label: 'MCP Server', kinds: ['mcp'] },
  { key: 'sdk', label: 'SDK', kinds: ['sdk'] },
  { key: 'webhooks', label: 'Webhooks', kinds: [] },
];

/** Results that exercised an interface: ran (not skipped) and, for REST, got an HTTP answer. */
export class InterfaceTally {
  readonly #ran = new Map<string, number>();

  add(result: ProbeResult): void {
    if (result.status === 'skipped') return;
    const answered = result.evidence.some((exchange) => exchange.status !== null);
    if (result.kind !== 'sdk' && result.kind !== 'mcp' && !answered) return;
    this.#ran.set(result.kind, (this.#ran.get(result.kind) ?? 0) + 1);
  }

  ran(kinds: readonly string[]): number {
    return kinds.reduce((sum, kind) => sum + (this.#ran.get(kind) ?? 0), 0);
  }
}

/** A measured interface reads Yes from the run; the profile's answer is shown beside it when it differs. */
export function interfaceRows(
  tally: InterfaceTally,
  profile: TargetProfile | null,
  dropIn?: Scorecard['openAiDropIn'],
): InterfaceRow[] {
  const rows = INTERFACES.map(({ key, label, kinds }) => {
    const stated = profile ? yesNo(profile.sections.interface[key]) : NULL_DISPLAY;
    const ran = tally.ran(kinds);
    if (ran > 0) {
      const differs = profile && !profile.sections.interface[key] ? ' (the profile says No)' : '';
      return { label, value: 'Yes', basis: `measured: ${ran} probe result${ran === 1 ? '' : 's'}${differs}` };
    }
    if (kinds.length > 0)
      return {
        label,
        value: stated,
        basis: profile ? 'profile; not measured in this run' : 'not measured in this run',
      };
    return { label, value: stated, basis: profile ? 'profile' : '--' };
  });
  if (dropIn)
    rows.push({
      label: 'OpenAI SDK drop-in (base URL)',
      value: DROP_IN_LABELS[dropIn.verdict],
      basis: `measured with the official openai SDK${dropIn.reasons.length ? `: ${dropIn.reasons.join('; ')}` : ''}`,
    });
  return rows;
}

const DROP_IN_LABELS = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;
