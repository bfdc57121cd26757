import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { attachmentSha256ByStorageKey, hasAttachmentChunks, insertAttachmentChunk, lockAttachmentImport } from './attachment.queries';
import { CHUNK_BYTES } from './postgres-storage';

export interface LocalImportResult {
  moved: number;
  alreadyThere: number;
  /** Files no attachment record names (left from a failed removal): left where they are. */
  unknown: number;
  /** Files whose bytes do not match their record's sha256: left where they are, with a warning. */
  mismatched: number;
}

const KEY_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Moves attachment files that an earlier version (or ATTACHMENT_STORE=local) wrote to the local
 * directory into the attachment_chunk table, then deletes the file. Idempotent and safe for replicas
 * starting together: each file is moved under an advisory lock of its own, and one whose bytes are in
 * the database already is only deleted. A file is read one chunk at a time and checked against the
 * sha256 its record holds before anything commits.
 */
export async function importLocalAttachments(
  dataSource: DataSource,
  dir: string,
  log = new Logger('Attachments'),
): Promise<LocalImportResult> {
  const result: LocalImportResult = { moved: 0, alreadyThere: 0, unknown: 0, mismatched: 0 };
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => KEY_FILE.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
    throw error;
  }
  for (const key of names) {
    const path = join(dir, key);
    const outcome = await dataSource
      .transaction(async (tx) => {
        await lockAttachmentImport(tx, key);
        const sha256 = await attachmentSha256ByStorageKey(tx, key);
        if (sha256 === null) return 'unknown' as const;
        if (await hasAttachmentChunks(tx, key)) return 'alreadyThere' as const;
        const hash = createHash('sha256');
        const file = await open(path, 'r');
        try {
          const buffer = Buffer.alloc(CHUNK_BYTES);
          for (let seq = 0; ; seq++) {
            const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
            if (bytesRead === 0 && seq > 0) break;
            const chunk = buffer.subarray(0, bytesRead);
            hash.update(chunk);
            await insertAttachmentChunk(tx, key, seq, chunk);
            if (bytesRead < CHUNK_BYTES) break;
          }
        } finally {
          await file.close();
        }
        if (hash.digest('hex') !== sha256) throw new MismatchedFile(key); // rolls the chunks back
        return 'moved' as const;
      })
      .catch((error) => {
        if (error instanceof MismatchedFile) return 'mismatched' as const;
        throw error;
      });
    result[outcome]++;
    if (outcome === 'mismatched') log.warn(`attachment file ${path} does not match its record's sha256: left in place, not imported`);
    if (outcome === 'moved' || outcome === 'alreadyThere') {
      // After the commit: a file that cannot be deleted is only deleted on a later start.
      await rm(path, { force: true }).catch((error) => log.warn(`could not delete ${path} after moving it into PostgreSQL: ${error}`));
    }
  }
  return result;
}

class MismatchedFile extends Error {}
