import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
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
      await tx.query(`INSERT INTO attachment_chunk (storage_key, seq, bytes) VALUES ($1, $2, $3)`, [
        key,
        seq,
        content.subarray(offset, offset + CHUNK_BYTES),
      ]);
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
      const rows: { bytes: Buffer }[] = await this.dataSource.query(
        `SELECT substring(bytes FROM $3::int + 1 FOR $4::int) AS bytes FROM attachment_chunk WHERE storage_key = $1 AND seq = $2`,
        [key, seq, from, upTo - from],
      );
      if (!rows.length) {
        if (!range && seq > 0) return; // past the last chunk of a whole-file read
        throw new Error(`attachment ${key}: chunk ${seq} is missing`);
      }
      if (rows[0].bytes.length) yield rows[0].bytes;
    }
  }

  async remove(key: string, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource).query(`DELETE FROM attachment_chunk WHERE storage_key = $1`, [checkStorageKey(key)]);
  }

  /** Whether any bytes are stored under the key (the start-up import asks before moving a file in). */
  async has(key: string, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.dataSource).query(`SELECT 1 FROM attachment_chunk WHERE storage_key = $1 AND seq = 0`, [
      checkStorageKey(key),
    ]);
    return rows.length > 0;
  }
}
