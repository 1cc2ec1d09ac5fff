/** @module sandbox/files-store — in-memory file storage for one sandbox, with an optional "erasure ignored" fault. */
import { createHash } from 'node:crypto';
import { fileId } from './ids.ts';

export type FilePurpose = 'fine-tune' | 'batch' | 'ocr';

export interface StoredFile {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: FilePurpose;
  sample_type: string;
  source: 'upload';
  num_lines: number | null;
  mimetype: string | null;
  signature: string;
}

const SAMPLE_TYPES: Record<FilePurpose, string> = {
  'fine-tune': 'instruct',
  batch: 'batch_request',
  ocr: 'instruct',
};

export class FilesStore {
  readonly #files = new Map<string, { record: StoredFile; content: Buffer }>();
  readonly #ignoreErasure: boolean;

  constructor(options: { ignoreErasure: boolean }) {
    this.#ignoreErasure = options.ignoreErasure;
  }

  add(filename: string, purpose: FilePurpose, content: Buffer, mimetype: string | null): StoredFile {
    const text = content.toString('utf8');
    const isText = !text.includes('\uFFFD');
    const record: StoredFile = {
      id: fileId(),
      object: 'file',
      bytes: content.length,
      created_at: Math.floor(Date.now() / 1000),
      filename,
      purpose,
      sample_type: SAMPLE_TYPES[purpose],
      source: 'upload',
      num_lines: isText ? text.split('\n').filter((line) => line.trim() !== '').length : null,
      mimetype,
      signature: createHash('sha256').update(content).digest('hex').slice(0, 16),
    };
    this.#files.set(record.id, { record, content });
    return record;
  }

  list(): StoredFile[] {
    return [...this.#files.values()].map((entry) => entry.record);
  }

  get(id: string): StoredFile | undefined {
    return this.#files.get(id)?.record;
  }

  content(id: string): Buffer | undefined {
    return this.#files.get(id)?.content;
  }

  /** Returns false for an unknown id. With the erasure fault, answers true but keeps the file. */
  delete(id: string): boolean {
    if (!this.#files.has(id)) return false;
    if (!this.#ignoreErasure) this.#files.delete(id);
    return true;
  }
}
