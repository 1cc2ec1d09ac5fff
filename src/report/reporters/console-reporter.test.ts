import { describe, expect, it } from 'vitest';
import { fullScorecard } from '../__fixtures__/scorecards.ts';
import { runReporters } from '../write-reports.ts';
import { consoleReporter } from './console-reporter.ts';

async function summary(scorecard = fullScorecard()): Promise<string> {
  let text = '';
  const reporter = consoleReporter({ stdout: { write: (chunk: string) => (text += chunk) } });
  const { written } = await runReporters([['console', reporter]], {
    runDir: 'unused',
    scorecard,
    results: [],
    profile: null,
  });
  expect(written).toEqual([]);
  return text;
}

describe('console reporter', () => {
  it('prints the headline scores and probe counts', async () => {
    expect(await summary()).toBe(
      'Agent Friendliness 62/100 · Security 83/100 · Reliability 82/100 · Data Protection 71/100\n' +
        '212 probes: 198 passed, 9 failed, 3 errored, 2 skipped\n',
    );
  });

  it('prints why there are no scores when the run is invalid', async () => {
    const scorecard = fullScorecard();
    scorecard.validity = {
      valid: false,
      reason: 'unreachable',
      message: 'Nothing answered at the base URL.',
    };
    expect((await summary(scorecard)).split('\n')[0]).toBe('Nothing answered at the base URL.');
  });
});
