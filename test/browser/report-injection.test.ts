/**
 * @module Hostile text in every field a target or a profile controls, rendered into report.html and
 * opened in headless Chromium: no script runs, no request leaves the page, no element or
 * attribute is injected, and the text is shown as text. Checked once as written (with the page's
 * CSP) and once with the CSP removed, so the escaping itself is what is tested.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mistralProfile } from '../../src/report/__fixtures__/profile.ts';
import { fixtureResults, probeResult } from '../../src/report/__fixtures__/results.ts';
import { fullScorecard } from '../../src/report/__fixtures__/scorecards.ts';
import { writeReports } from '../../src/report/write-reports.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import type { TargetProfile } from '../../src/spec/target-profile.ts';
import { browserAvailable, CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

const HAS_CHROMIUM = browserAvailable('the HTML injection test');

/** Where a request would go if anything escaped: a closed loopback port, so nothing leaves the machine. */
const SINK = 'http://127.0.0.1:9';

/** Each payload tries a different way out; `N` makes every one traceable to the field that carried it. */
function payload(field: string): string {
  return [
    `<img src=x onerror="window.__pwned='${field}';fetch('${SINK}/img')">`,
    `</script><script>window.__pwned='${field}'</script>`,
    `"><svg onload="window.__pwned='${field}'">`,
    `javascript:window.__pwned='${field}'`,
    `\`<b onmouseover=alert(1)>code</b>\``,
    `{{constructor.constructor('window.__pwned=1')()}} {{{css}}}`,
    `<a href="javascript:alert(1)">click</a> <iframe src="${SINK}/frame"></iframe>`,
    `<link rel=stylesheet href="${SINK}/css"><style>body{background:url(${SINK}/bg)}</style>`,
    `bell\u0007 nul\u0000 esc\u001b[31m del\u007f`,
  ].join(' ');
}

function hostileScorecard(): Scorecard {
  const scorecard = fullScorecard();
  scorecard.target = {
    name: payload('target.name'),
    provider: payload('target.provider'),
    baseUrl: `${SINK}/v1?${payload('target.baseUrl')}`,
    model: payload('header.model'),
    contacted: { host: payload('contacted.host'), addresses: [payload('contacted.address')] },
  };
  scorecard.scores.security.notes = payload('category.notes');
  scorecard.scores.reliability.components.errorRecovery!.notes = payload('component.notes');
  scorecard.scores.security.components.secretHandling!.capsApplied = [payload('component.caps')];
  scorecard.gotchas = [
    {
      title: payload('gotcha.title'),
      detail: payload('gotcha.detail'),
      probeIds: ['evil/linked', payload('gotcha.probeId')],
      source: 'measured',
    },
    { title: payload('gotcha.title'), detail: 'repeated title', probeIds: [], source: 'attested' },
  ];
  scorecard.scoringNotes = [payload('scoringNotes')];
  scorecard.inputs = {
    rubric: { name: payload('inputs.rubric'), sha256: payload('inputs.sha') },
    profile: { name: payload('inputs.profile'), sha256: 'abc' },
  };
  return scorecard;
}

function hostileProfile(): TargetProfile {
  const profile = mistralProfile();
  const claim = profile.claims[0]!;
  return {
    ...profile,
    title: payload('profile.title'),
    description: payload('header.description'),
    homepage: `https://example.test/"><img src=x onerror="window.__pwned='homepage'">`,
    tags: [payload('profile.tag')],
    claims: [
      {
        ...claim,
        id: payload('claim.id'),
        criterion: payload('claim.criterion'),
        quote: payload('claim.quote'),
        sourceUrl: `javascript:window.__pwned='claim.sourceUrl'`,
      },
      {
        ...claim,
        component: 'security.scopeGranularity',
        criterion: payload('claim.other'),
        sourceUrl: SINK,
      },
    ],
    sections: {
      ...profile.sections,
      bestWhen: payload('sections.bestWhen'),
      avoidWhen: payload('sections.avoidWhen'),
      useCases: [payload('sections.useCases')],
      notFor: [payload('sections.notFor')],
      authentication: {
        ...profile.sections.authentication,
        methods: [payload('sections.auth.methods')],
        notes: payload('sections.auth.notes'),
      },
      pricing: {
        ...profile.sections.pricing,
        model: payload('sections.pricing.model'),
        notes: payload('pricing'),
      },
      agentMetadata: {
        pagination: payload('sections.pagination'),
        idempotent: true,
        retryGuidance: payload('sections.retryGuidance'),
      },
    },
    gotchas: [
      // Contradicted by the passing probe below: shown under "Contradicted by this run".
      {
        title: payload('contradicted.title'),
        detail: payload('contradicted.detail'),
        probeIds: ['evil/linked'],
        sourceUrl: 'javascript:alert(1)',
      },
    ],
    sources: [
      {
        url: `javascript:window.__pwned='source'`,
        title: payload('source.title'),
        retrieved: payload('date'),
      },
    ],
  };
}

function hostileResults(): ProbeResult[] {
  const body = payload('evidence.body');
  return [
    ...fixtureResults(),
    // Linked from a gotcha but passing: its exchange appears under "Linked evidence".
    probeResult('evil', 'linked', 1, {
      evidence: [
        {
          method: payload('evidence.method'),
          url: `${SINK}/${payload('evidence.url')}`,
          status: 200,
          headers: { 'x-evil': payload('evidence.header') },
          bodyExcerpt: body,
          bodyBytes: body.length,
        },
      ],
    }),
    probeResult('evil', payload('probe.id'), 1, {
      status: 'failed',
      checks: [
        {
          id: payload('check.id'),
          component: 'dataProtection.dataMinimisation',
          passed: false,
          detail: payload('check.detail'),
        },
      ],
      evidence: [
        {
          method: 'POST',
          url: `${SINK}/x`,
          status: 500,
          headers: {},
          bodyExcerpt: body,
          bodyBytes: body.length,
        },
      ],
    }),
  ];
}

interface PageFindings {
  pwned: unknown;
  scripts: number;
  handlers: string[];
  javascriptLinks: string[];
  injectedTags: string[];
  /** Our one stylesheet in <head>; more would be injected. */
  styles: number;
  imageSources: string[];
  codeSpans: string[];
  text: string;
}

async function inspect(page: Page): Promise<PageFindings> {
  return page.evaluate(() => {
    const elements = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.scripts.length,
      handlers: elements.flatMap((element) =>
        [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((a) => a.name),
      ),
      javascriptLinks: elements
        .flatMap((element) =>
          ['href', 'src', 'action', 'formaction'].map((name) => element.getAttribute(name) ?? ''),
        )
        .filter((value) => /^\s*javascript:/i.test(value)),
      injectedTags: elements
        .map((element) => element.tagName.toLowerCase())
        .filter((tag) => ['script', 'iframe', 'link', 'object', 'embed', 'form'].includes(tag)),
      styles: document.querySelectorAll('style').length,
      imageSources: [...document.images].map((image) => image.getAttribute('src') ?? ''),
      codeSpans: [...document.querySelectorAll('code')].map((element) => element.textContent ?? ''),
      text: document.body.textContent ?? '',
    };
  });
}

describe.skipIf(!HAS_CHROMIUM)('report.html with hostile target and profile text, in Chromium', () => {
  let workDir = '';
  let context: BrowserContext;
  let reportUrl = '';
  let html = '';
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'agentscore-injection-'));
    const runDir = join(workDir, 'run');
    await writeReports({
      runDir,
      scorecard: hostileScorecard(),
      results: hostileResults(),
      profile: hostileProfile(),
      reporters: ['html'],
      history: [
        { runId: payload('history.runId'), startedAt: '2026-03-01T09:00:00Z', scores: { security: 1 } },
      ],
    });
    html = await readFile(join(runDir, 'report.html'), 'utf8');
    reportUrl = pathToFileURL(join(runDir, 'report.html')).href;
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    context.on('request', (request) => requests.push(request.url()));
  });

  afterAll(async () => {
    await context?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  function watch(page: Page): void {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }

  function expectInert(findings: PageFindings): void {
    expect(findings.pwned).toBeUndefined();
    expect(findings.scripts).toBe(0);
    expect(findings.handlers).toEqual([]);
    expect(findings.javascriptLinks).toEqual([]);
    expect(findings.injectedTags).toEqual([]);
    expect(findings.styles).toBe(1);
    // The only images are our charts, embedded as PNG data URIs.
    expect(findings.imageSources.length).toBeGreaterThan(0);
    expect(findings.imageSources.filter((src) => !src.startsWith('data:image/png;base64,'))).toEqual([]);
    // A code span from the rubric renders as <code>, its hostile content as text inside it.
    expect(findings.codeSpans).toContain('<b onmouseover=alert(1)>code</b>');
    // Shown as text, for the fields a reader sees first and the ones deep in the page.
    for (const field of [
      'header.model',
      'header.description',
      'target.name',
      'gotcha.title',
      'gotcha.detail',
      'evidence.body',
      'contradicted.title',
      'sections.bestWhen',
      'sections.retryGuidance',
      'claim.criterion',
      'check.detail',
      'component.notes',
      'inputs.rubric',
    ]) {
      expect(findings.text, field).toContain(
        `<img src=x onerror="window.__pwned='${field}';fetch('${SINK}/img')">`,
      );
    }
    expect(findings.text).toContain('{{constructor.constructor(');
    expect(findings.text).toContain('<b onmouseover=alert(1)>code</b>');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  }

  it('puts the hostile text in the file only as escaped text, with no raw control characters', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;');
    expect(html).toContain('Contradicted by this run');
  });

  it('runs no script, makes no request and shows the text inert, as written (CSP on)', async () => {
    const page = await context.newPage();
    watch(page);
    await page.goto(reportUrl, { waitUntil: 'load' });
    expectInert(await inspect(page));
    await page.close();
  });

  it('stays inert with the CSP removed: the escaping alone holds', async () => {
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(withoutCsp).not.toContain('Content-Security-Policy');
    const page = await context.newPage();
    watch(page);
    await page.setContent(withoutCsp, { waitUntil: 'load' });
    expectInert(await inspect(page));
    await page.close();
  });
});
