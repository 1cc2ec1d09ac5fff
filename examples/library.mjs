// agentscore as a library: evaluate an OpenAI-compatible API, re-score the run offline, compare two runs.
// Try it against the built-in sandbox (it listens on 127.0.0.1:8787 and accepts sandbox-demo-key-0000):
//   npx agentscore sandbox &
//   MY_API_KEY=sandbox-demo-key-0000 node examples/library.mjs
// Set BASE_URL, MODEL and MY_API_KEY to evaluate your own API instead.
import { compareRuns, evaluate, loadSuites, score } from 'agentscore';

const target = {
  name: 'my-api',
  provider: 'openai-compatible',
  baseUrl: process.env.BASE_URL ?? 'http://127.0.0.1:8787/v1',
  model: process.env.MODEL ?? 'mistral-small-latest',
  apiKeyEnv: 'MY_API_KEY', // the key is read from this variable and never written anywhere
};

const suites = await loadSuites();
console.log(`${suites.length} suites available: ${suites.map((suite) => suite.id).join(', ')}`);

let done = 0;
const first = await evaluate(target, {
  runDir: 'reports/library-example/first',
  suites: ['auth', 'errors', 'data-handling'],
  onProgress: { onResult: () => done++ },
});
const { scores, validity } = first.scorecard;
if (validity && !validity.valid) throw new Error(`could not measure ${target.name}: ${validity.message}`);
// null means "could not be judged" (too little evidence), shown as -- like the reports do.
const shown = (score) => (score === null ? '--' : String(score));
console.log(
  `${done} probes · Security ${shown(scores.security.score)}/100 · Data Protection ${shown(scores.dataProtection.score)}/100`,
);
console.log(`scorecard: ${first.files.scorecard}`);

// Re-scoring reads only the run folder's files, so it gives the same scorecard without the network.
const rescored = await score(first.runDir);
console.log(`re-scored offline: Security ${shown(rescored.scorecard.scores.security.score)}/100`);

const second = await evaluate(target, {
  runDir: 'reports/library-example/second',
  suites: ['auth', 'errors', 'data-handling'],
});
const comparison = compareRuns(first.runDir, second.runDir);
console.log(`compared: ${comparison.regressions.length} regression(s), exit code ${comparison.exitCode}`);
