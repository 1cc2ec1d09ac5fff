import { describe, expect, it } from 'vitest';
import { createScrubber, REDACTED, scrubDeep } from './scrub-secrets.ts';
import { secretForms } from './secret-forms.ts';

const KEY = 'Zk3pQ9vLm2Xr7TbN4cWd8YhF6sJa1Ue5';
// Wall-clock budgets mean nothing on Stryker-instrumented code (vitest.mutate.config.ts sets this).
const UNDER_MUTATION = process.env.AGENTSCORE_MUTATION === '1';

describe('createScrubber', () => {
  const scrub = createScrubber([KEY]);

  it('replaces the key in text, headers and URLs', () => {
    expect(scrub(`key is ${KEY}.`)).toBe(`key is ${REDACTED}.`);
    expect(scrub(`authorization: Bearer ${KEY}`)).toBe(`authorization: Bearer ${REDACTED}`);
    expect(scrub(`https://api.example.com/v1/models?key=${KEY}&x=1`)).toBe(
      `https://api.example.com/v1/models?key=${REDACTED}&x=1`,
    );
  });

  it('replaces the key inside JSON bodies, including escaped JSON', () => {
    const body = JSON.stringify({
      error: { message: `Invalid key ${KEY}`, echo: JSON.stringify({ k: KEY }) },
    });
    const scrubbed = scrub(body);
    expect(scrubbed).not.toContain(KEY.slice(0, 8));
    expect(JSON.parse(scrubbed).error.message).toBe(`Invalid key ${REDACTED}`);
  });

  it('replaces distinctive fragments of 12 or more characters and keeps fragments of 11', () => {
    expect(scrub(`prefix ${KEY.slice(3, 15)} suffix`)).toBe(`prefix ${REDACTED} suffix`);
    expect(scrub(`masked ${KEY.slice(0, 4)}...${KEY.slice(-12)}`)).toBe(
      `masked ${KEY.slice(0, 4)}...${REDACTED}`,
    );
    const eleven = KEY.slice(10, 21);
    expect(scrub(`only ${eleven} here`)).toBe(`only ${eleven} here`);
  });

  it('finds every 12-character fragment wherever it sits in the text, and no 11-character one', () => {
    for (let offset = 0; offset + 12 <= KEY.length; offset++) {
      for (let padding = 0; padding < 10; padding++) {
        const before = '.'.repeat(padding);
        expect(scrub(`${before}${KEY.slice(offset, offset + 12)}!`)).toBe(`${before}${REDACTED}!`);
        const eleven = `${before}${KEY.slice(offset, offset + 11)}!`;
        expect(scrub(eleven)).toBe(eleven);
      }
    }
  });

  it('finds a fragment that ends the text, whatever the text length (the last window counts)', () => {
    for (let padding = 0; padding < 20; padding++) {
      const before = '.'.repeat(padding);
      expect(scrub(`${before}${KEY.slice(3, 15)}`), `padding ${padding}`).toBe(`${before}${REDACTED}`);
    }
  });

  it('keeps ids and names that share words with a non-random key, and still removes the key', () => {
    const demoKey = 'sandbox-demo-key-0000';
    const demo = createScrubber(secretForms(demoKey));
    for (const text of [
      'model sandbox-echo-1',
      'target sandbox-demo',
      'check sandbox-demo-key-rejected',
      '{"id":"sandbox-demo-keyring"}',
    ])
      expect(demo(text)).toBe(text);
    expect(demo(`Bearer ${demoKey}`)).toBe(`Bearer ${REDACTED}`);
    // A fragment with the key's digits is distinctive; its wordy start alone is not.
    expect(demo('echo: demo-key-0000')).toBe(`echo: ${REDACTED}`);
  });

  it('finds the key in base64 and base64url behind a user name of every length (all three alignments)', () => {
    for (const alphabet of ['base64', 'base64url'] as const) {
      for (const user of ['', 'u', 'us', 'use', 'user', 'agent-x']) {
        for (const separator of user === '' ? ['', ':'] : [':']) {
          const credential = `${user}${separator}${KEY}`;
          const encoded = Buffer.from(credential).toString(alphabet);
          const scrubbed = scrub(`Authorization: Basic ${encoded}`);
          expect(scrubbed, `${alphabet} of ${user}${separator}KEY`).toContain(REDACTED);
          // What is left is at most the user name's own characters and one boundary group.
          const left = scrubbed.replace('Authorization: Basic ', '').replace(REDACTED, '');
          expect(left.length, `${alphabet} of ${user}${separator}KEY left ${left}`).toBeLessThanOrEqual(
            Math.ceil(((user.length + 1) * 4) / 3) + 4,
          );
        }
      }
      // The key as user name with a password after it.
      expect(scrub(Buffer.from(`${KEY}:hunter2`).toString(alphabet))).toContain(REDACTED);
    }
  });

  it('finds the key base64-encoded inside a longer base64 stream at every offset', () => {
    for (let before = 0; before < 6; before++) {
      const stream = Buffer.from(`${'x'.repeat(before)}{"key":"${KEY}","n":1}`).toString('base64');
      const scrubbed = scrub(stream);
      expect(scrubbed).toContain(REDACTED);
      const kept = scrubbed.split(REDACTED).join('');
      expect(stream.length - kept.length).toBeGreaterThanOrEqual(Math.floor((KEY.length * 4) / 3) - 4);
    }
  });

  it('replaces JSON-escaped and percent-encoded forms of a key with special characters', () => {
    const special = 'k3Y/"q\\Z9+w x&é=Tr7';
    const scrubSpecial = createScrubber([special]);
    expect(scrubSpecial(JSON.stringify({ key: special }))).toBe(`{"key":"${REDACTED}"}`);
    expect(scrubSpecial(`{"key":"${JSON.stringify(special).slice(1, -1).replace(/\//g, '\\/')}"}`)).toBe(
      `{"key":"${REDACTED}"}`,
    );
    expect(scrubSpecial(`q=${encodeURIComponent(special)}&x=1`)).toBe(`q=${REDACTED}&x=1`);
    expect(scrubSpecial(`q=${encodeURIComponent(special).replace(/%20/g, '+')}`)).toBe(`q=${REDACTED}`);
  });

  it('covers the base64 forms providers report as secrets without treating them as keys of their own', () => {
    const fromProvider = createScrubber(secretForms(KEY));
    const asUser = Buffer.from(`${KEY}:`).toString('base64');
    expect(fromProvider(`Basic ${asUser}`)).toBe(`Basic ${REDACTED}`);
    // A 12-character slice of a base64 form that carries too little of the key is ordinary text.
    const demoBase64 = Buffer.from('sandbox-demo').toString('base64');
    expect(createScrubber(secretForms('sandbox-demo-key-0000'))(demoBase64)).toBe(demoBase64);
  });

  it('replaces base64 forms (Basic auth with the key as user or password) and percent-encoding', () => {
    const asUser = Buffer.from(`${KEY}:`).toString('base64');
    const asPassword = Buffer.from(`:${KEY}`).toString('base64');
    const bare = Buffer.from(KEY).toString('base64');
    const withUser = Buffer.from(`api:${KEY}`).toString('base64');
    for (const encoded of [asUser, asPassword, bare]) {
      expect(scrub(`Authorization: Basic ${encoded}`)).toBe(`Authorization: Basic ${REDACTED}`);
    }
    expect(scrub(withUser)).not.toMatch(/[A-Za-z0-9+/]{12}/);
    const special = 'a/b+c=d&e f?g#h%i';
    expect(createScrubber([special])(`q=${encodeURIComponent(special)}`)).toBe(`q=${REDACTED}`);
  });

  it('collapses overlapping and adjacent fragments into one replacement', () => {
    expect(scrub(`${KEY.slice(0, 20)}${KEY.slice(10)}`)).toBe(REDACTED);
    expect(scrub(`${KEY}${KEY}`)).toBe(REDACTED);
    const other = 'Hq4Vn8Lx2Rw6Tz0Bk5Mc9Pd3Gs7Jf1Ya';
    const both = createScrubber([KEY, other]);
    expect(both(`${KEY.slice(-12)}${other.slice(0, 12)} and ${other}`)).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('keeps multi-byte text around the key intact', () => {
    expect(scrub(`😊 clé: ${KEY} — fin ⚾`)).toBe(`😊 clé: ${REDACTED} — fin ⚾`);
    const unicodeKey = 'ключ-секрет-😊-42';
    expect(createScrubber([unicodeKey])(`x ${unicodeKey.slice(2)} y`)).toBe(`x ${REDACTED} y`);
  });

  it('needs two character classes in a fragment: one run of capitals or of lower case is not enough', () => {
    const key = 'ABCDEFGHIJKLMNOP-qrstuvwxyzab-123456789012-Zk3pQ9vLm2Xr';
    const scrubKey = createScrubber([key]);
    for (const text of ['ABCDEFGHIJKLMN', 'qrstuvwxyzab-', '123456789012']) {
      expect(scrubKey(`x ${text} y`), text).toBe(`x ${text} y`);
    }
    expect(scrubKey('x Zk3pQ9vLm2Xr y')).toBe(`x ${REDACTED} y`);
    expect(scrubKey('x 9012-Zk3pQ9v y')).toBe(`x ${REDACTED} y`);
  });

  it('merges runs in text order when a later secret reaches further back', () => {
    // Both secrets share the window at position 9; the first listed starts there, the second 7
    // characters earlier, so its run is found second but starts first.
    const second = 'Qw3rTy9UiOp2AsDf';
    const tail = 'ZxCv8BnM4kL1';
    const first = `${second.slice(7)}${tail}`;
    expect(createScrubber([first, second])(`..${second}${tail}`)).toBe(`..${REDACTED}`);
  });

  it("keeps a plain word that only ends the key (the key's tail is not the whole key)", () => {
    const key = 'Zk3pQ9vLm2Xr7Tb-abcdefghij';
    const scrubKey = createScrubber([key]);
    for (let padding = 0; padding < 10; padding++) {
      const text = `${'.'.repeat(padding)}-abcdefghij!`;
      expect(scrubKey(text), `padding ${padding}`).toBe(text);
    }
  });

  it('finds the last 12 characters of the key wherever they sit (the last window of a form is indexed)', () => {
    // Built here, not at collection time, so Stryker's mutant is active while the index is built.
    const fresh = createScrubber([KEY]);
    for (let padding = 0; padding < 10; padding++) {
      const before = '.'.repeat(padding);
      expect(fresh(`${before}${KEY.slice(-12)}!`), `padding ${padding}`).toBe(`${before}${REDACTED}!`);
    }
  });

  it('replaces secrets shorter than a window whole', () => {
    expect(createScrubber(['q7'])('x q7 y')).toBe(`x ${REDACTED} y`);
    expect(createScrubber(['q7Z'])('x q7Z y')).toBe(`x ${REDACTED} y`);
  });

  it('replaces the longest short form first, so no piece of it is left behind', () => {
    // `YWJj` (base64 of `abc`) starts `YWJjOg==` (of `abc:`): the longer one must go whole.
    const short = createScrubber(['abc']);
    for (const form of ['YWJjOg==', 'OmFiYw==', 'OmFiYzo=', 'OjphYmM6']) {
      expect(short(`Basic ${form}`), form).toBe(`Basic ${REDACTED}`);
    }
  });

  it('replaces short secrets only whole and ignores empty ones', () => {
    const short = createScrubber(['abc1234', '']);
    expect(short('value abc1234 and abc123')).toBe(`value ${REDACTED} and abc123`);
    expect(createScrubber([''])('unchanged')).toBe('unchanged');
  });

  it('leaves text without secrets unchanged', () => {
    const text = `The Detroit Tigers game today is at 1:10 PM. ${'lorem ipsum '.repeat(100)}`;
    expect(scrub(text)).toBe(text);
  });

  it.skipIf(UNDER_MUTATION)('scrubs a 1 MB text in well under 50 ms', () => {
    const filler = 'abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ {"k":"v"}\n';
    const text = `${filler.repeat(7000)}${KEY}${filler.repeat(7000)}${KEY.slice(5, 30)}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(scrub(text).split(REDACTED)).toHaveLength(3);
    // Best of three, so a busy machine running other test files in parallel does not decide the result.
    const timings = [0, 1, 2].map(() => {
      const started = performance.now();
      scrub(text);
      return performance.now() - started;
    });
    expect(Math.min(...timings)).toBeLessThan(50);
  });

  it.skipIf(UNDER_MUTATION)('stays fast on text made of the key repeated', () => {
    const text = KEY.repeat(25_000);
    expect(scrub(text)).toBe(REDACTED);
    // Best of three, as above: the first call also pays for JIT warm-up on a loaded machine.
    const timings = [0, 1, 2].map(() => {
      const started = performance.now();
      scrub(text);
      return performance.now() - started;
    });
    expect(Math.min(...timings)).toBeLessThan(100);
  });
});

describe('scrubDeep', () => {
  it('scrubs keys and values of nested objects and arrays, leaving other values', () => {
    const scrub = createScrubber([KEY]);
    const value = {
      headers: { authorization: `Bearer ${KEY}` },
      [`x-${KEY}`]: [1, true, null, `k=${KEY}`],
      nested: { deeper: [{ text: KEY.slice(0, 13) }] },
    };
    expect(scrubDeep(value, scrub)).toEqual({
      headers: { authorization: `Bearer ${REDACTED}` },
      [`x-${REDACTED}`]: [1, true, null, `k=${REDACTED}`],
      nested: { deeper: [{ text: REDACTED }] },
    });
    expect(value.headers.authorization).toContain(KEY);
  });
});
