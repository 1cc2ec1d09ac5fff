import { describe, expect, it } from 'vitest';
import { createScrubber, REDACTED } from './scrub-secrets.ts';
import { basicAuthBase64, secretEncodings, secretForms } from './secret-forms.ts';

// `?`, `>` and `~` put a `+` or `/` in nearly every base64 group, so the base64url form shares no
// 12-character run with the base64 one: only its own entry in the list can catch it.
const PUNCTUATED = 'Zk3?>~pQ9?>~vLm2?>~Xr7T';
const PLAIN = 'Zk3pQ9vLm2Xr7TbN4cWd8YhF6sJa1Ue5';

function encodingOf(key: string, text: string) {
  const encoding = secretEncodings(key).find((candidate) => candidate.text === text);
  if (!encoding) throw new Error(`no encoding ${text}`);
  return encoding;
}

describe('secretForms', () => {
  it('lists base64 and base64url behind user names of every length, with and without the colon after', () => {
    const forms = secretForms(PUNCTUATED);
    for (const alphabet of ['base64', 'base64url'] as const) {
      for (const prefix of ['', ':', '::']) {
        for (const suffix of ['', ':']) {
          const form = Buffer.from(`${prefix}${PUNCTUATED}${suffix}`).toString(alphabet);
          expect(forms, `${alphabet} of ${prefix}KEY${suffix}`).toContain(form);
        }
      }
    }
  });

  it('scrubs each base64 and base64url form whole, as the Authorization header carries it', () => {
    const scrub = createScrubber([PUNCTUATED]);
    for (const alphabet of ['base64', 'base64url'] as const) {
      for (const credential of [`::${PUNCTUATED}`, `:${PUNCTUATED}:`, `${PUNCTUATED}:`]) {
        const form = Buffer.from(credential).toString(alphabet);
        expect(scrub(`Authorization: Basic ${form}`), `${alphabet} of ${credential}`).toBe(
          `Authorization: Basic ${REDACTED}`,
        );
      }
    }
  });

  it('starts with the key as sent, then its escaped forms, each once', () => {
    const special = 'k3Y/"q\\Z9+w xé';
    const forms = secretForms(special);
    expect(forms[0]).toBe(special);
    expect(forms.slice(1, 6)).toEqual([
      encodeURIComponent(special),
      encodeURIComponent(special).replace(/%20/g, '+'),
      JSON.stringify(special).slice(1, -1),
      JSON.stringify(special).slice(1, -1).replace(/\//g, '\\/'),
      'k3Y/\\"q\\\\Z9+w x\\u00e9',
    ]);
    expect(new Set(forms).size).toBe(forms.length);
    // A plain key has no escapes: the escaped forms collapse into the key itself.
    expect(secretForms(PLAIN).filter((form) => form === PLAIN)).toHaveLength(1);
    const base64Forms = ['', ':', '::'].flatMap((prefix) =>
      ['', ':'].flatMap((suffix) =>
        (['base64', 'base64url'] as const).map((alphabet) =>
          Buffer.from(`${prefix}${PLAIN}${suffix}`).toString(alphabet),
        ),
      ),
    );
    expect(secretForms(PLAIN)).toEqual([PLAIN, ...new Set(base64Forms)]);
  });

  it('has no forms for an empty key', () => {
    expect(secretForms('')).toEqual([]);
    expect(secretEncodings('')).toEqual([]);
  });

  it('gives the Basic-auth value for the key as user name', () => {
    expect(basicAuthBase64('abc')).toBe(Buffer.from('abc:').toString('base64'));
    expect(basicAuthBase64('é')).toBe('w6k6');
  });
});

describe('secretEncodings keyText: which key characters a slice of a form carries', () => {
  it('maps a slice of the key as sent to the same characters', () => {
    const encoding = encodingOf(PLAIN, PLAIN);
    expect(encoding.keyText(3, 9)).toBe(PLAIN.slice(3, 9));
  });

  it('decodes whole percent escapes and drops one cut at the end', () => {
    const key = 'ab/cd ef';
    const encoding = encodingOf(key, encodeURIComponent(key));
    // `ab%2Fcd%20ef`: the whole text decodes to the key.
    expect(encoding.keyText(0, encoding.text.length)).toBe(key);
    // `ab%2` cut inside the escape, and `ab%` at its first character: the partial escape is dropped.
    expect(encoding.keyText(0, 4)).toBe('ab');
    expect(encoding.keyText(0, 3)).toBe('ab');
    expect(encoding.keyText(3, 10)).toBe('2Fcd ');
    // `%A9%20b` starts inside a two-byte character: not decodable, so whole escapes are removed.
    const accented = encodingOf('aé b', 'a%C3%A9%20b');
    expect(accented.keyText(4, 11)).toBe('b');
    expect(accented.keyText(4, 10)).toBe('');
  });

  it('reads + as a space in the form-encoded variant', () => {
    const key = 'ab cd/ef';
    const encoding = encodingOf(key, 'ab+cd%2Fef');
    expect(encoding.keyText(0, encoding.text.length)).toBe(key);
  });

  it('unescapes JSON escapes, turning control escapes into spaces', () => {
    const key = 'a"b\\c/dé\n';
    const ascii = encodingOf(key, 'a\\"b\\\\c/d\\u00e9\\n');
    expect(ascii.keyText(0, ascii.text.length)).toBe('a"b\\c/dé ');
    const slashed = encodingOf(key, 'a\\"b\\\\c\\/dé\\n');
    expect(slashed.keyText(0, slashed.text.length)).toBe('a"b\\c/dé ');
    for (const control of ['\r', '\t', '\b', '\f']) {
      const withControl = `x${control}y`;
      const encoding = encodingOf(withControl, JSON.stringify(withControl).slice(1, -1));
      expect(encoding.keyText(0, encoding.text.length)).toBe('x y');
    }
  });

  it('maps a base64 slice to the whole key bytes it carries, never the user name or the colon', () => {
    const key = 'KEY123456789';
    const text = Buffer.from(`::${key}:`).toString('base64');
    const encoding = encodingOf(key, text);
    // 2 + 12 + 1 = 15 bytes = 20 characters; the key is bytes 2..14.
    expect(encoding.keyText(0, text.length)).toBe(key);
    // Characters 4..8 carry bytes 3..6 (ceil(4·6/8) = 3, floor(8·6/8) = 6).
    expect(encoding.keyText(4, 8)).toBe('EY1');
    // Characters 3..8: byte ceil(18/8) = 3, not 2 (a partial byte is not counted).
    expect(encoding.keyText(3, 8)).toBe('EY1');
    // Characters 4..9: floor(54/8) = 6, so still bytes 3..6.
    expect(encoding.keyText(4, 9)).toBe('EY1');
    // Only the user-name bytes: nothing of the key.
    expect(encoding.keyText(0, 2)).toBe('');
    expect(encoding.keyText(0, 3)).toBe('');
    const url = encodingOf(key, Buffer.from(`::${key}:`).toString('base64url'));
    expect(url.keyText(0, url.text.length)).toBe(key);
  });
});
