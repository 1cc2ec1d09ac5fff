/**
 * @module The one set of display names for categories and components, as the seed page spells
 * them: reports, charts, comparisons and alerts all name a component the same way.
 */
import type { CategoryId } from '../spec/scorecard.ts';

export const CATEGORY_LABELS: Record<CategoryId, string> = {
  agentFriendliness: 'Agent Friendliness',
  security: 'Security',
  reliability: 'Reliability',
  dataProtection: 'Data Protection',
};

/**
 * Keyed by `category.component`. Typed by string, not ComponentPath, so components the rubric
 * adds later still type-check here; a unit test asserts every component path has a label.
 */
export const COMPONENT_LABELS: Readonly<Record<string, string>> = {
  'agentFriendliness.mcpQuality': 'MCP Quality',
  'agentFriendliness.documentation': 'Documentation',
  'agentFriendliness.errorMessages': 'Error Messages',
  'agentFriendliness.authSimplicity': 'Auth Simplicity',
  'agentFriendliness.rateLimits': 'Rate Limits',
  'agentFriendliness.toolUse': 'Tool Use',
  'agentFriendliness.structuredOutput': 'Structured Output',
  'security.tlsEnforcement': 'TLS Enforcement',
  'security.authStrength': 'Auth Strength',
  'security.scopeGranularity': 'Scope Granularity',
  'security.dependencyHygiene': 'Dep. Hygiene',
  'security.secretHandling': 'Secret Handling',
  'reliability.uptimeSla': 'Uptime/SLA',
  'reliability.versionStability': 'Version Stability',
  'reliability.breakingChanges': 'Breaking Changes',
  'reliability.errorRecovery': 'Error Recovery',
  'reliability.latency': 'Latency',
  'dataProtection.dataResidency': 'Data Residency',
  'dataProtection.retentionAndDeletion': 'Retention & Deletion',
  'dataProtection.dataMinimisation': 'Data Minimisation',
  'dataProtection.processorTerms': 'Processor Terms',
  'dataProtection.trainingUse': 'Training Use',
};

const ACRONYMS: Record<string, string> = { mcp: 'MCP', sla: 'SLA', tls: 'TLS', json: 'JSON', pii: 'PII' };

/** `someNewComponent` → `Some New Component`, for ids no label was written for yet. */
function humanise(component: string): string {
  return component
    .split(/(?=[A-Z])/)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Label of `category.component`, or of a bare component id (ids are unique across categories). */
export function componentLabel(pathOrId: string): string {
  const direct = COMPONENT_LABELS[pathOrId];
  if (direct !== undefined) return direct;
  if (!pathOrId.includes('.')) {
    const suffix = `.${pathOrId}`;
    const path = Object.keys(COMPONENT_LABELS).find((key) => key.endsWith(suffix));
    if (path !== undefined) return COMPONENT_LABELS[path]!;
  }
  return humanise(pathOrId.slice(pathOrId.lastIndexOf('.') + 1));
}
