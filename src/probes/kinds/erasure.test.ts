import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import { erasedAssertion } from '../assertions/erasure-assertions.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { erasureKind } from './erasure.ts';

interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  text: string;
  deleted: boolean;
}

type Behaviour = 'honest' | 'keeps-content' | 'tombstone';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A files API shaped like Mistral's (reference/mistral-openapi-subset.yaml), with one planted fault per behaviour. */
function filesApi(behaviour: Behaviour, uploads: FormData[]) {
  const files = new Map<string, StoredFile>();
  const card = (file: StoredFile) => ({
    id: file.id,
    object: 'file',
    bytes: file.text.length,
    created_at: 1759500189,
    filename: file.filename,
    purpose: file.purpose,
    sample_type: 'batch',
    source: 'upload',
    num_lines: 1,
    mimetype: 'application/jsonl',
    signature: null,
  });
  return async (request: IncomingMessage, body: Buffer, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, , , id, tail] = url.pathname.split('/');
    if (request.method === 'POST' && url.pathname === '/v1/files') {
      const form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': String(request.headers['content-type']) },
      }).formData();
      uploads.push(form);
      const upload = form.get('file') as File;
      const file = {
        id: `e85980c9-409e-4a46-9304-${String(files.size).padStart(12, '0')}`,
        filename: upload.name,
        purpose: String(form.get('purpose')),
        text: await upload.text(),
        deleted: false,
      };
      files.set(file.id, file);
      return sendJson(response, 200, card(file));
    }
    if (request.method === 'GET' && url.pathname === '/v1/files') {
      const visible = [...files.values()].filter((file) => !file.deleted || behaviour === 'keeps-content');
      return sendJson(response, 200, { data: visible.map(card), object: 'list', total: visible.length });
    }
    const file = id ? files.get(id) : undefined;
    if (!file || (file.deleted && behaviour === 'honest'))
      return sendJson(response, 404, { detail: 'File not found' });
    if (request.method === 'DELETE') {
      file.deleted = true;
      return sendJson(response, 200, { id: file.id, object: 'file', deleted: true });
    }
    if (tail === 'content') {
      if (file.deleted && behaviour === 'tombstone')
        return sendJson(response, 404, { detail: 'File not found' });
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.text);
      return;
    }
    sendJson(response, 200, { ...card(file), deleted: file.deleted });
  };
}

async function runErasure(
  behaviour: Behaviour | 'no-files',
): Promise<{ outcome: ProbeOutcome; uploads: FormData[] }> {
  const uploads: FormData[] = [];
  const handler = behaviour === 'no-files' ? null : filesApi(behaviour, uploads);
  server = await startTestServer((request, body, response) => {
    if (!handler) return sendJson(response, 404, { detail: 'Not Found' });
    void handler(request, body, response);
  });
  const { context, provider } = createTestContext({ baseUrl: server.baseUrl, probe: { kind: 'erasure' } });
  const outcome = await erasureKind.run(context);
  await provider.close();
  return { outcome, uploads };
}

describe('erasure kind', () => {
  it('uploads the canary as real multipart, deletes it and finds it gone', async () => {
    const { outcome, uploads } = await runErasure('honest');
    const file = uploads[0]?.get('file') as File;
    expect(file.name).toBe('agentscore-canary-run01234.jsonl');
    expect(await file.text()).toContain('agentscore erasure canary abc123');
    expect(uploads[0]?.get('purpose')).toBe('batch');
    expect(outcome.observation?.kind).toBe('erasure');
    expect(observationOf(outcome, 'erasure')!).toMatchObject({
      uploaded: true,
      beforeDelete: { metadataStatus: 200, listed: true },
      deleteStatus: 200,
      afterDelete: { metadataStatus: 404, contentStatus: 404, contentServed: false, listed: false },
    });
    expect(erasedAssertion.evaluate({}, outcome, {} as never).passed).toBe(true);
  });

  it('fails a target that says deleted but still serves the content and lists the file', async () => {
    const { outcome } = await runErasure('keeps-content');
    expect(observationOf(outcome, 'erasure')!).toMatchObject({
      afterDelete: { contentServed: true, listed: true },
    });
    const verdict = erasedAssertion.evaluate({}, outcome, {} as never);
    expect(verdict.passed).toBe(false);
    expect(verdict.detail).toMatch(/content 200, listed/);
  });

  it('fails metadata kept as a tombstone', async () => {
    const { outcome } = await runErasure('tombstone');
    const verdict = erasedAssertion.evaluate({}, outcome, {} as never);
    expect(verdict).toMatchObject({ passed: false });
    expect(verdict.detail).toMatch(/tombstone/);
  });

  it('skips a target without a files endpoint', async () => {
    const { outcome } = await runErasure('no-files');
    expect(outcome.skip?.reason).toBe('not-supported');
  });
});
