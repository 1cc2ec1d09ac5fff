/** @module Display names for categories and components in alerts and tables. */
import type { CategoryId } from '../spec/scorecard.ts';

export const CATEGORY_LABELS: Record<CategoryId, string> = {
  agentFriendliness: 'Agent Friendliness',
  security: 'Security',
  reliability: 'Reliability',
  dataProtection: 'Data Protection',
};

const ACRONYMS: Record<string, string> = { mcp: 'MCP', sla: 'SLA', tls: 'TLS' };

/** `authStrength` → `Auth strength`, `mcpQuality` → `MCP quality`. */
export function componentLabel(component: string): string {
  const words = component.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  const labelled = words.map((word) => ACRONYMS[word] ?? word);
  const first = labelled[0] ?? '';
  labelled[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return labelled.join(' ');
}
