import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { attachmentChunkBytes, deleteAttachmentChunks, hasAttachmentChunks, insertAttachmentChunk } from './attachment.queries';
import { AttachmentStorage, ByteRange, checkStorageKey } from './attachment-storage';

/**
 * Every chunk but a file's last holds exactly this many bytes, which is what lets a range read go
 * straight to the chunks it needs. Changing it needs a migration that rewrites the chunks.
 */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Attachment bytes in the attachment_chunk table. Uploads write in the upload's own transaction, so
 * the record and its bytes commit (or vanish) together; downloads read one chunk per query, as the
 * response drains, so a 20 MB PDF never sits whole in the API's memory.
 */
export class PostgresChunkStorage implements AttachmentStorage {
  readonly transactional = true;

  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, content: Buffer, tx?: EntityManager): Promise<void> {
    if (!tx) return this.dataSource.transaction((manager) => this.put(key, content, manager));
    checkStorageKey(key);
    for (let seq = 0, offset = 0; offset < content.length || seq === 0; seq++, offset += CHUNK_BYTES) {
      await insertAttachmentChunk(tx, key, seq, content.subarray(offset, offset + CHUNK_BYTES));
    }
  }

  open(key: string, range?: ByteRange): Readable {
    checkStorageKey(key);
    return Readable.from(this.chunks(key, range), { objectMode: false, highWaterMark: CHUNK_BYTES });
  }

  /** The chunks a range touches, each cut to the range by the database (substring on bytea is 1-based). */
  private async *chunks(key: string, range?: ByteRange): AsyncGenerator<Buffer> {
    const first = range ? Math.floor(range.start / CHUNK_BYTES) : 0;
    const last = range ? Math.floor(range.end / CHUNK_BYTES) : Number.POSITIVE_INFINITY;
    for (let seq = first; seq <= last; seq++) {
      const from = range && seq === first ? range.start - seq * CHUNK_BYTES : 0;
      const upTo = range && seq === last ? range.end - seq * CHUNK_BYTES + 1 : CHUNK_BYTES;
      const bytes = await attachmentChunkBytes(this.dataSource, key, seq, from, upTo - from);
      if (bytes === null) {
        if (!range && seq > 0) return; // past the last chunk of a whole-file read
        throw new Error(`attachment ${key}: chunk ${seq} is missing`);
      }
      if (bytes.length) yield bytes;
    }
  }

  async remove(key: string, tx?: EntityManager): Promise<void> {
    await deleteAttachmentChunks(tx ?? this.dataSource, checkStorageKey(key));
  }

  /** Whether any bytes are stored under the key (the start-up import asks before moving a file in). */
  async has(key: string, tx?: EntityManager): Promise<boolean> {
    return hasAttachmentChunks(tx ?? this.dataSource, checkStorageKey(key));
  }
}
