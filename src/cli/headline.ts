/**
 * @module The one-line score summary printed after a run and by `agentscore score` (its own file so
 * `score` does not load the whole run path).
 */
import type { Scorecard } from '../spec/scorecard.ts';

function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '--' : String(value);
}

export function headline(scorecard: Scorecard): string {
  const { scores } = scorecard;
  return [
    `Agent Friendliness ${score(scores.agentFriendliness.score)}/100`,
    `Security ${score(scores.security.score)}/100`,
    `Reliability ${score(scores.reliability.score)}/100`,
    `Data Protection ${score(scores.dataProtection.score)}/100`,
  ].join(' · ');
}
