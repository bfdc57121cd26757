import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live: outside the database row, behind this interface, so that a
 * deployment with several replicas can swap the local directory for shared object storage.
 */
export interface AttachmentStorage {
  put(key: string, content: Buffer): Promise<void>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/** The default: files under ATTACHMENTS_DIR, else DATA_DIR/attachments (DATA_DIR default ./data). */
export class LocalDirectoryStorage implements AttachmentStorage {
  constructor(private readonly root = resolve(process.env.ATTACHMENTS_DIR ?? join(process.env.DATA_DIR ?? 'data', 'attachments'))) {}

  private path(key: string) {
    if (!/^[0-9a-f/-]+$/.test(key)) throw new Error(`bad storage key ${key}`); // keys are ours; never a path from a user
    return join(this.root, key);
  }

  async put(key: string, content: Buffer) {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a crash never leaves half a file under the final name.
    await writeFile(`${path}.tmp`, content);
    await rename(`${path}.tmp`, path);
  }

  open(key: string): Readable {
    return createReadStream(this.path(key));
  }

  async remove(key: string) {
    await rm(this.path(key), { force: true });
  }
}
