/**
 * @module What a DPO asks of an LLM API as a processor: the documentary criteria (gdpr-criteria.md
 * D-*), the Art. 28(3) points they serve, the Art. 32 measures a probe can verify, and the question
 * to send the vendor when a fact is unknown. Static data; wording is ours.
 */

export interface DocumentaryCriterion {
  /** Fact id in a target profile, as in gdpr-criteria.md. */
  id: string;
  title: string;
  /** The article(s) the criterion serves, as a DPO would cite them. */
  articles: string;
  /** Asked of the vendor when the fact is unknown, stale or absent. */
  question: string;
  /** Suggested measure for the DPIA when the fact fails or is partial. */
  measure: string;
}

export const DOCUMENTARY_CRITERIA: readonly DocumentaryCriterion[] = [
  {
    id: 'D-DPA',
    title: 'Data processing agreement',
    articles: 'Art. 28(3)',
    question:
      'Please send your data processing agreement (current version and effective date) and show where it covers each of Art. 28(3)(a) to (h).',
    measure: 'Sign a DPA that covers every point of Art. 28(3) before personal data is sent.',
  },
  {
    id: 'D-ROLES',
    title: 'Purposes where the provider acts as controller',
    articles: 'Art. 28(10), Art. 26',
    question:
      'For which purposes do you act as controller of data sent to the API (abuse monitoring, training, analytics, aggregates), and how can we opt out of each?',
    measure: 'Opt out of every controller purpose that can be opted out of, and record the rest in the DPIA.',
  },
  {
    id: 'D-SUBPROC',
    title: 'Sub-processors, their locations and change notice',
    articles: 'Art. 28(2), Art. 28(4)',
    question:
      'Please send the current list of sub-processors with their processing locations, and say how far in advance you notify changes and how we can object.',
    measure: 'Subscribe to sub-processor change notices and review each against the transfer assessment.',
  },
  {
    id: 'D-LOCATION',
    title: 'Processing location per endpoint and feature',
    articles: 'Art. 44 (Chapter V)',
    question:
      'In which countries are API requests processed and stored, per endpoint and feature, and can processing be restricted to the EU/EEA?',
    measure: 'Use an endpoint with a contractual EU/EEA processing commitment where one is offered.',
  },
  {
    id: 'D-TRANSFER',
    title: 'Transfer mechanism for processing outside the EEA',
    articles: 'Art. 44–46',
    question:
      'Which mechanism (adequacy decision, SCCs 2021/914 and module, BCRs) covers each transfer outside the EEA, including onward transfers by sub-processors?',
    measure: 'Complete a transfer impact assessment for every non-EEA recipient.',
  },
  {
    id: 'D-RETENTION',
    title: 'Retention per data class, zero-retention option',
    articles: 'Art. 5(1)(e), Art. 28(3)(g)',
    question:
      'How long are prompts, outputs, uploaded files and logs kept, per data class, and is zero data retention available (for which endpoints and plans)?',
    measure: 'Request zero data retention where available and keep personal data out of prompts otherwise.',
  },
  {
    id: 'D-TRAINING',
    title: 'Use of API data for training',
    articles: 'Art. 5(1)(b), Art. 28(3)(a)',
    question:
      'Are API inputs or outputs used to train or improve models? Please list every exception (feedback, specific models or products) and how to opt out.',
    measure:
      'Send no personal data to models or products that train on input, and opt out of training where offered.',
  },
  {
    id: 'D-BREACH',
    title: 'Breach notification',
    articles: 'Art. 33(2), Art. 28(3)(f)',
    question:
      'Within what time, through which channel and with what information do you notify us of a personal-data breach?',
    measure: 'Agree a breach-notice deadline short enough for the 72-hour notification of Art. 33(1).',
  },
  {
    id: 'D-AUDIT',
    title: 'Audit rights and certifications',
    articles: 'Art. 28(3)(h)',
    question:
      'Which independent certifications or audit reports (e.g. ISO/IEC 27001, SOC 2 Type II) can you provide, and how can we exercise audit and inspection rights?',
    measure: 'Obtain the current certification or audit report before signing.',
  },
  {
    id: 'D-DPO',
    title: 'Data protection officer or privacy contact',
    articles: 'Art. 37–39',
    question:
      'Who is your data protection officer or privacy contact for processor matters, and how are they reached?',
    measure: 'Record the privacy contact in the processing record.',
  },
  {
    id: 'D-DSR',
    title: 'Help with data-subject requests',
    articles: 'Art. 28(3)(e), Chapter III',
    question:
      'How do you help us answer data-subject requests (access, rectification, erasure) for data held in your systems, and within what time?',
    measure: 'Agree how data-subject requests reaching the provider are forwarded and answered.',
  },
  {
    id: 'D-EXIT',
    title: 'Deletion or return at the end of the contract',
    articles: 'Art. 28(3)(g)',
    question:
      'At the end of the contract, how and when is our personal data deleted or returned, and do you confirm the deletion in writing?',
    measure: 'Agree deletion at exit with written confirmation.',
  },
];

/** Art. 28(3)(a)–(h) and the facts and measures that speak to each. */
export interface Article28Point {
  letter: string;
  requirement: string;
  facts: readonly string[];
  measures: readonly string[];
}

export const ARTICLE_28_POINTS: readonly Article28Point[] = [
  {
    letter: 'a',
    requirement:
      'processes personal data only on documented instructions, including transfers to third countries',
    facts: ['D-DPA', 'D-ROLES', 'D-TRAINING', 'D-TRANSFER'],
    measures: [],
  },
  {
    letter: 'b',
    requirement: 'persons authorised to process the data are bound to confidentiality',
    facts: ['D-DPA'],
    measures: [],
  },
  {
    letter: 'c',
    requirement: 'takes the security measures of Art. 32',
    facts: ['D-DPA', 'D-AUDIT'],
    measures: ['transport-encryption', 'authentication', 'key-not-echoed', 'cors'],
  },
  {
    letter: 'd',
    requirement: 'engages sub-processors only under the conditions of Art. 28(2) and (4)',
    facts: ['D-SUBPROC'],
    measures: [],
  },
  {
    letter: 'e',
    requirement: 'helps the controller answer data-subject requests',
    facts: ['D-DSR'],
    measures: [],
  },
  {
    letter: 'f',
    requirement: 'helps the controller with Art. 32–36 (security, breach notification, DPIA)',
    facts: ['D-BREACH', 'D-DPA'],
    measures: ['request-id'],
  },
  {
    letter: 'g',
    requirement: 'deletes or returns all personal data at the end of the services',
    facts: ['D-EXIT', 'D-RETENTION'],
    measures: ['erasure'],
  },
  {
    letter: 'h',
    requirement: 'makes available the information needed to demonstrate compliance and allows audits',
    facts: ['D-AUDIT'],
    measures: [],
  },
];

/** A security or data-protection measure a probe verifies, and what to do when it fails. */
export interface TestedMeasure {
  id: string;
  title: string;
  articles: string;
  /** Rubric check ids whose verdicts decide the measure. */
  checks: readonly string[];
  /** Risk sentence for the DPIA summary when the measure fails. */
  risk: string;
  /** Suggested measure when it fails. */
  measure: string;
  /** Asked of the vendor when the run could not test it. */
  question: string;
}

export const TESTED_MEASURES: readonly TestedMeasure[] = [
  {
    id: 'transport-encryption',
    title: 'Encryption in transit (TLS 1.2+ only, valid certificate, plain http refused)',
    articles: 'Art. 32(1)(a)',
    checks: ['tls-min-version', 'tls-cert-valid', 'http-refused'],
    risk: 'Requests, and the personal data in them, can travel over weak or unencrypted connections.',
    measure: 'Configure clients with an https:// base URL only and block the API until TLS is fixed.',
    question: 'Which TLS versions and certificates protect the API endpoints, and is plain http refused?',
  },
  {
    id: 'hsts',
    title: 'HTTP Strict Transport Security of at least six months',
    articles: 'Art. 32(1)(a)',
    checks: ['hsts'],
    risk: 'Without HSTS a client that once follows an http:// link can be downgraded.',
    measure: 'Hard-code https:// base URLs and never follow redirects with credentials.',
    question: 'Do the API endpoints send Strict-Transport-Security, and with what max-age?',
  },
  {
    id: 'authentication',
    title: 'Requests without a valid key are refused',
    articles: 'Art. 32(1)(b)',
    checks: [
      'unauthenticated-rejected',
      'wrong-key-rejected',
      'malformed-scheme-rejected',
      'query-key-rejected',
    ],
    risk: 'Requests without a valid credential are served, so anyone can use the account and its data.',
    measure: 'Do not send personal data to the API until unauthenticated requests are refused.',
    question: 'Are requests without a valid API key refused on every endpoint?',
  },
  {
    id: 'key-not-echoed',
    title: 'API keys never come back in responses',
    articles: 'Art. 32(1)(b)',
    checks: ['key-not-echoed', 'canary-key-not-echoed'],
    risk: 'The API key is echoed in responses, so logs that keep responses hold a live credential.',
    measure: 'Treat stored responses and logs as secrets, rotate the key, and raise it with the vendor.',
    question: 'Can an API key ever be returned in a response body, header or redirect?',
  },
  {
    id: 'cors',
    title: 'No credentialed CORS for arbitrary origins',
    articles: 'Art. 32(1)(b)',
    checks: ['cors-no-credential-reflection'],
    risk: 'Any web origin is allowed credentialed access, so a browser page can read responses.',
    measure: 'Keep the key server-side and never call the API from browsers with credentials.',
    question: 'Which origins does the API allow with credentials in CORS?',
  },
  {
    id: 'pii-not-echoed',
    title: 'Personal data sent in a malformed request is not echoed in the error',
    articles: 'Art. 5(1)(c), Art. 32(1)',
    checks: ['pii-not-echoed'],
    risk: 'Error responses echo submitted values, so logs of error bodies can hold personal data.',
    measure:
      'Do not log raw error bodies (or redact them first): the API echoes submitted values in its errors.',
    question: 'Do error responses ever repeat values from the request, and are those kept in your logs?',
  },
  {
    id: 'erasure',
    title: 'A deleted file is gone (metadata, content and listing)',
    articles: 'Art. 17, Art. 28(3)(g)',
    checks: ['file-erased'],
    risk: 'Files stay retrievable after deletion, so erasure requests cannot be honoured through the API.',
    measure: 'Do not upload personal data in files until deletion is honoured.',
    question:
      'When a file is deleted through the API, is it removed from storage and backups, and within what time? (not tested in this run)',
  },
  {
    id: 'no-cookies',
    title: 'The API sets no cookies',
    articles: 'Art. 5(1)(c); ePrivacy Art. 5(3)',
    checks: ['no-cookies'],
    risk: 'The API sets cookies that can identify or track the calling client.',
    measure: 'Disable cookie jars in API clients and ask what the cookies are for.',
    question: 'Does the API set cookies, and for what purpose?',
  },
  {
    id: 'request-id',
    title: 'Every error carries a request id for audit and incident handling',
    articles: 'Art. 5(2), Art. 33(3)',
    checks: ['request-id-on-errors'],
    risk: 'Errors carry no request id, so an incident cannot be traced with the vendor.',
    measure: 'Log a correlation id of your own for every request.',
    question: 'Which request or correlation id do responses carry, and how long can you trace it?',
  },
];
