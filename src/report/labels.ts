/** @module How a category is shown in reports (icon, question, chart colour); names come from history/score-labels. */
import { CATEGORY_LABELS } from '../history/score-labels.ts';
import type { CategoryId } from '../spec/scorecard.ts';

export interface CategoryDisplay {
  title: string;
  icon: string;
  question: string;
  /** Short axis label for charts. */
  short: string;
  /** Chart colour (ours, never target text). */
  color: string;
}

export const CATEGORY_DISPLAY: Record<CategoryId, CategoryDisplay> = {
  agentFriendliness: {
    title: CATEGORY_LABELS.agentFriendliness,
    icon: '⚙',
    question: 'Can an agent use this?',
    short: 'AF',
    color: '#2563eb',
  },
  security: {
    title: CATEGORY_LABELS.security,
    icon: '🔒',
    question: 'Is it safe for agents?',
    short: 'Security',
    color: '#16a34a',
  },
  reliability: {
    title: CATEGORY_LABELS.reliability,
    icon: '⚡',
    question: 'Does it work consistently?',
    short: 'Reliability',
    color: '#d97706',
  },
  dataProtection: {
    title: CATEGORY_LABELS.dataProtection,
    icon: '🛡',
    question: 'Is personal data handled lawfully (GDPR)?',
    short: 'Data Protection',
    color: '#7c3aed',
  },
};
