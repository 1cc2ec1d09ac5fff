/** @module Display names for categories and components, as the seed page spells them. */
import type { CategoryId, ComponentPath } from '../spec/scorecard.ts';

export interface CategoryLabel {
  title: string;
  icon: string;
  question: string;
  /** Short axis label for charts. */
  short: string;
  /** Chart colour (ours, never target text). */
  color: string;
}

export const CATEGORY_LABELS: Record<CategoryId, CategoryLabel> = {
  agentFriendliness: {
    title: 'Agent Friendliness',
    icon: '⚙',
    question: 'Can an agent use this?',
    short: 'AF',
    color: '#2563eb',
  },
  security: {
    title: 'Security',
    icon: '🔒',
    question: 'Is it safe for agents?',
    short: 'Security',
    color: '#16a34a',
  },
  reliability: {
    title: 'Reliability',
    icon: '⚡',
    question: 'Does it work consistently?',
    short: 'Reliability',
    color: '#d97706',
  },
  dataProtection: {
    title: 'Data Protection',
    icon: '🛡',
    question: 'Is personal data handled lawfully (GDPR)?',
    short: 'Data Protection',
    color: '#7c3aed',
  },
};

export const COMPONENT_LABELS: Record<ComponentPath, string> = {
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

/** Label of a component path, falling back to the raw path for ids the rubric added later. */
export function componentLabel(path: string): string {
  return (COMPONENT_LABELS as Record<string, string>)[path] ?? path;
}
