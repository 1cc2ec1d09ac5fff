import { describe, expect, it } from 'vitest';
import { createScrubber, REDACTED, scrubDeep } from './scrub-secrets.ts';

const KEY = 'Zk3pQ9vLm2Xr7TbN4cWd8YhF6sJa1Ue5';

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

  it('replaces fragments of 8 or more characters and keeps fragments of 7', () => {
    expect(scrub(`prefix ${KEY.slice(3, 11)} suffix`)).toBe(`prefix ${REDACTED} suffix`);
    expect(scrub(`masked ${KEY.slice(0, 4)}...${KEY.slice(-12)}`)).toBe(
      `masked ${KEY.slice(0, 4)}...${REDACTED}`,
    );
    const seven = KEY.slice(10, 17);
    expect(scrub(`only ${seven} here`)).toBe(`only ${seven} here`);
  });

  it('finds every 8-character fragment wherever it sits in the text, and no 7-character one', () => {
    for (let offset = 0; offset + 8 <= KEY.length; offset++) {
      for (let padding = 0; padding < 10; padding++) {
        const before = '.'.repeat(padding);
        expect(scrub(`${before}${KEY.slice(offset, offset + 8)}!`)).toBe(`${before}${REDACTED}!`);
        const seven = `${before}${KEY.slice(offset, offset + 7)}!`;
        expect(scrub(seven)).toBe(seven);
      }
    }
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
    expect(both(`${KEY.slice(-10)}${other.slice(0, 10)} and ${other}`)).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('keeps multi-byte text around the key intact', () => {
    expect(scrub(`😊 clé: ${KEY} — fin ⚾`)).toBe(`😊 clé: ${REDACTED} — fin ⚾`);
    const unicodeKey = 'ключ-секрет-😊-42';
    expect(createScrubber([unicodeKey])(`x ${unicodeKey.slice(2, 12)} y`)).toBe(`x ${REDACTED} y`);
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

  it('scrubs a 1 MB text in well under 50 ms', () => {
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

  it('stays fast on text made of the key repeated', () => {
    const text = KEY.repeat(25_000);
    const started = performance.now();
    expect(scrub(text)).toBe(REDACTED);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('scrubDeep', () => {
  it('scrubs keys and values of nested objects and arrays, leaving other values', () => {
    const scrub = createScrubber([KEY]);
    const value = {
      headers: { authorization: `Bearer ${KEY}` },
      [`x-${KEY}`]: [1, true, null, `k=${KEY}`],
      nested: { deeper: [{ text: KEY.slice(0, 9) }] },
    };
    expect(scrubDeep(value, scrub)).toEqual({
      headers: { authorization: `Bearer ${REDACTED}` },
      [`x-${REDACTED}`]: [1, true, null, `k=${REDACTED}`],
      nested: { deeper: [{ text: REDACTED }] },
    });
    expect(value.headers.authorization).toContain(KEY);
  });
});
