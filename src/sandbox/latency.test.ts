/** @module sandbox/latency.test — latency profiles are ground truth: TTFT and inter-token gaps arrive as configured. */
import { describe, expect, it } from 'vitest';
import { chat, readSse, withSandbox } from './sandbox-test-client.ts';

const PROFILE = { extends: 'fast', latency: { ttftMs: 50, interTokenMs: 10 } };

describe('latency ground truth', () => {
  it('streams the first content chunk after ~ttft and the rest ~interTokenMs apart', async () => {
    await withSandbox(PROFILE, async (sandbox) => {
      await (
        await chat(sandbox, { messages: [{ role: 'user', content: 'warm up' }], max_tokens: 1 })
      ).arrayBuffer();
      const sentAt = performance.now();
      const response = await chat(sandbox, {
        stream: true,
        max_tokens: 12,
        messages: [{ role: 'user', content: 'Tell me a long story please' }],
      });
      const { events } = await readSse(response, sentAt);
      const chunks = events
        .filter((event) => event.data !== '[DONE]')
        .map((event) => ({ ...event, json: JSON.parse(event.data) }));
      const content = chunks.filter(
        (chunk) => chunk.json.choices[0].delta.content && chunk.json.choices[0].delta.role === undefined,
      );
      expect(content).toHaveLength(12);
      const ttft = content[0]?.at ?? 0;
      expect(ttft).toBeGreaterThanOrEqual(45);
      expect(ttft).toBeLessThanOrEqual(150);
      const e2e = events.at(-1)?.at ?? 0;
      // 11 gaps of 10 ms after the first token. Measured from the request, not from the first
      // chunk: on a loaded machine the first chunk can arrive late and the rest catch up with it.
      expect(e2e).toBeGreaterThanOrEqual(45 + 100);
      expect(e2e - ttft).toBeLessThanOrEqual(250);
      expect(chunks.at(-1)?.json.usage.completion_tokens).toBe(12);
    });
  });

  it('delays a non-streaming answer by ttft + interToken × (tokens − 1)', async () => {
    await withSandbox(PROFILE, async (sandbox) => {
      const sentAt = performance.now();
      const response = await chat(sandbox, {
        max_tokens: 6,
        messages: [{ role: 'user', content: 'Tell me a long story please' }],
      });
      const body = (await response.json()) as {
        usage: { completion_tokens: number };
        choices: Array<{ finish_reason: string }>;
      };
      const elapsed = performance.now() - sentAt;
      expect(body.usage.completion_tokens).toBe(6);
      expect(body.choices[0]?.finish_reason).toBe('length');
      expect(elapsed).toBeGreaterThanOrEqual(95);
      expect(elapsed).toBeLessThanOrEqual(300);
    });
  });

  it('fast has no latency at all', async () => {
    await withSandbox('fast', async (sandbox) => {
      const sentAt = performance.now();
      await (await chat(sandbox, { stream: true, messages: [{ role: 'user', content: 'hi' }] })).text();
      expect(performance.now() - sentAt).toBeLessThan(250);
    });
  });
});
