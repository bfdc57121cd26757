import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/** Bytes `start` to `end`, both included (as HTTP's Range header counts them). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where attachment bytes live, behind this interface so that the store can change without the
 * service noticing. Two stores ship (see attachmentStorageKind): PostgreSQL (the default: every
 * replica sees every file, and one pg_dump holds reports and evidence together) and a local
 * directory. An S3-compatible object store would be a third implementation of these four members
 * (put = PutObject, open = GetObject with Range, remove = DeleteObject; transactional = false).
 */
export interface AttachmentStorage {
  /**
   * True when put/remove given the caller's transaction commit or roll back with it (then a failed
   * upload leaves no bytes, and a removal cannot half-happen). False: the service compensates.
   */
  readonly transactional: boolean;
  put(key: string, content: Buffer, tx?: EntityManager): Promise<void>;
  /** The bytes as a stream (never the whole file in memory); `range` must lie within the file. */
  open(key: string, range?: ByteRange): Readable;
  remove(key: string, tx?: EntityManager): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

export type AttachmentStorageKind = 'postgres' | 'local';

/** ATTACHMENT_STORE: `postgres` (default) or `local`; anything else is refused at start. */
export function attachmentStorageKind(env: NodeJS.ProcessEnv = process.env): AttachmentStorageKind {
  const given = (env.ATTACHMENT_STORE ?? '').trim() || 'postgres';
  if (given === 'postgres' || given === 'local') return given;
  throw new Error(`ATTACHMENT_STORE must be "postgres" or "local", not "${given}"`);
}

/** The local directory: ATTACHMENTS_DIR, else DATA_DIR/attachments (DATA_DIR default ./data). */
export function localAttachmentsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ATTACHMENTS_DIR ?? join(env.DATA_DIR ?? 'data', 'attachments'));
}

/** Keys are ours (UUIDs); checked anyway so that a key can never become a path outside the store. */
export function checkStorageKey(key: string): string {
  if (!/^[0-9a-f-]+$/.test(key)) throw new Error(`bad storage key ${key}`);
  return key;
}

/** Files in one directory: for a single server, or replicas that share a volume (ATTACHMENT_STORE=local). */
export class LocalDirectoryStorage implements AttachmentStorage {
  readonly transactional = false;

  constructor(private readonly root = localAttachmentsDir()) {}

  private path(key: string) {
    return join(this.root, checkStorageKey(key));
  }

  async put(key: string, content: Buffer) {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a crash never leaves half a file under the final name.
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);
  }

  open(key: string, range?: ByteRange): Readable {
    return createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {});
  }

  async remove(key: string) {
    await rm(this.path(key), { force: true });
  }
}
