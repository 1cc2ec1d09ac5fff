/** @module `agentscore plan`: what a run of a target would send and cost, without sending a request. */
import type { PlanEstimate } from '../../run/plan-estimate.ts';
import type { Target } from '../../spec/target.ts';
import type { CliCommand, CliIo } from '../cli-command.ts';
import { writeJson } from '../json-output.ts';
import {
  loadRunSuites,
  type RunRequestOptions,
  type RunSuites,
  readRunOptions,
  runOptions,
} from '../run-options.ts';
import { loadRunConfig, resolveTarget, TARGET_OPTIONS } from '../target-options.ts';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function amount(value: number): string {
  return value.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** Today's date, the day prices must still be fresh on. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The plan of the run these flags describe: the suites (after --suite and --shard), the target, its profile's price. */
export async function estimateRun(
  run: Pick<RunRequestOptions, 'suitesDir' | 'onlySuites' | 'shard' | 'budgetRequests' | 'replayDir'>,
  target: Target,
  io: Pick<CliIo, 'cwd'>,
  loaded?: RunSuites,
): Promise<PlanEstimate> {
  const { PROJECT_PATHS } = await import('../../run/project-paths.ts');
  const { estimatePlan } = await import('../../run/plan-estimate.ts');
  const { loadTargetProfile } = await import('../../suite/load-target-profile.ts');
  const suites = loaded ?? (await loadRunSuites(run, io));
  const profile = target.profile ? await loadTargetProfile(target.profile, PROJECT_PATHS.profiles) : null;
  return estimatePlan({
    suites,
    onlySuites: run.onlySuites,
    ...(run.shard ? { shard: run.shard } : {}),
    target,
    ...(profile?.prices ? { prices: profile.prices } : {}),
    asOf: today(),
    ...(run.budgetRequests ? { budgetRequests: run.budgetRequests } : {}),
    replay: Boolean(run.replayDir),
  });
}

function costText(plan: PlanEstimate): string {
  if (!plan.cost) return `no cost: the profile has no fresh price for ${plan.target.model}`;
  const { price } = plan.cost;
  return `≤ ${amount(plan.cost.amount)} ${plan.cost.currency} at ${price.inputPerMillion}/${price.outputPerMillion} ${price.currency} per million input/output tokens (price of ${price.asOf})`;
}

/** The one or two lines `run` prints before it starts. */
export function planSummary(plan: PlanEstimate): string {
  const { totals } = plan;
  const budget =
    plan.budgetRequests !== null && totals.requests > plan.budgetRequests
      ? ` · over the request budget of ${plan.budgetRequests}: later probes will be skipped`
      : '';
  return [
    `plan: ${totals.repetitions} probe runs, ~${whole.format(totals.requests)} requests (at most ${whole.format(totals.maxRequests)})${budget}`,
    `estimate: ≤ ${whole.format(totals.tokens)} tokens (${whole.format(totals.inputTokens)} in, ${whole.format(totals.outputTokens)} out) · ${costText(plan)}`,
  ].join('\n');
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((cell, index) => {
      const text = typeof cell === 'number' ? whole.format(cell) : cell;
      return index === 0 ? text.padEnd(widths[index]!) : text.padStart(widths[index]!);
    })
    .join('  ')
    .trimEnd();
}

/** The plan as a table: one row per suite, the preflight, the total, then what is skipped and how tokens are counted. */
export function formatPlan(plan: PlanEstimate): string {
  const header = ['suite', 'probes', 'runs', 'requests', 'at most', 'input tokens', 'output tokens'];
  const rows: (string | number)[][] = plan.suites.map((suite) => [
    suite.id,
    suite.probes,
    suite.repetitions,
    suite.requests,
    suite.maxRequests,
    suite.inputTokens,
    suite.outputTokens,
  ]);
  rows.push(['preflight', '', '', plan.preflight.requests, plan.preflight.maxRequests, 0, 0]);
  const { totals } = plan;
  rows.push([
    'total',
    plan.probes.length,
    totals.repetitions,
    totals.requests,
    totals.maxRequests,
    totals.inputTokens,
    totals.outputTokens,
  ]);
  const widths = header.map((title, index) =>
    Math.max(
      title.length,
      ...rows.map((cells) => {
        const cell = cells[index]!;
        return (typeof cell === 'number' ? whole.format(cell) : cell).length;
      }),
    ),
  );
  const skipped = plan.probes.filter((probe) => probe.skipped !== null);
  const { target } = plan;
  return [
    `plan for ${target.name} (${target.provider}, ${target.baseUrl}, model ${target.model})${plan.shard ? `, shard ${plan.shard}` : ''}; nothing was sent`,
    '',
    row(header, widths),
    ...rows.map((cells) => row(cells, widths)),
    '',
    planSummary(plan),
    ...(plan.budgetRequests !== null ? [`request budget: ${plan.budgetRequests}`] : []),
    ...(skipped.length > 0
      ? [
          `skipped on this target (0 requests): ${skipped.map((probe) => `${probe.suite}/${probe.probe}`).join(', ')}`,
        ]
      : []),
    `tokens: ${plan.method}`,
    '',
  ].join('\n');
}

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'show what a run would send (suites, probes, requests, tokens, cost) without sending anything',
  usage: '(--target NAME | --provider KIND --base-url URL --model ID) [--suite ID]... [--shard I/N] [--json]',
  options: [
    ...TARGET_OPTIONS,
    ...runOptions(['suite', 'suites-dir', 'shard', 'budget-requests']),
    {
      name: 'json',
      type: 'boolean',
      description: 'print the plan as one JSON document (schemas/plan.schema.json)',
    },
  ],
  details: [
    'Examples:',
    '  npx agentscore plan --target mistral',
    '  npx agentscore plan --target mistral --suite tool-calls --json',
    '',
    'No key is needed and no request is sent. Requests are counted from the suites (repeats, times,',
    'samples, agent-loop turns, burst sizes) plus the preflight; "at most" is the bound when a probe',
    'stops early (a burst at its first 429, an agent loop at its final answer). Tokens are upper bounds:',
    "prompt characters / 4 in, each request's max_tokens out; cost uses the profile's list price.",
  ].join('\n'),
  async run(options, _positionals, io) {
    const loaded = await loadRunConfig(options, io);
    const run = readRunOptions(options, loaded.config?.defaults);
    const { target } = await resolveTarget(options, loaded, io, { keyRequired: false });
    const plan = await estimateRun(run, target, io);
    if (options.json) writeJson(io, plan);
    else io.stdout.write(formatPlan(plan));
    return 0;
  },
};
