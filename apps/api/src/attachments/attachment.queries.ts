import type { Sql } from '../common/sql';

/** How many attachments the report has. */
export async function attachmentCountOfReport(sql: Sql, reportId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await sql.query(`SELECT count(*)::int AS n FROM report_attachment WHERE report_id = $1`, [reportId]);
  return n;
}

/** The sha256 the attachment record stored under this key holds; null: no record names the key. */
export async function attachmentSha256ByStorageKey(sql: Sql, storageKey: string): Promise<string | null> {
  const records: { sha256: string }[] = await sql.query(`SELECT sha256 FROM report_attachment WHERE storage_key = $1`, [storageKey]);
  return records[0]?.sha256 ?? null;
}

/**
 * Holds, until the caller's transaction ends, the lock of moving the local file `storageKey` into
 * the database, so that replicas starting together move each file once.
 */
export async function lockAttachmentImport(sql: Sql, storageKey: string): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('luoshi.attachment-import'), hashtext($1))`, [storageKey]);
}

/** Stores one chunk of a file's bytes (chunk `seq`, from 0). */
export async function insertAttachmentChunk(sql: Sql, storageKey: string, seq: number, bytes: Buffer): Promise<void> {
  await sql.query(`INSERT INTO attachment_chunk (storage_key, seq, bytes) VALUES ($1, $2, $3)`, [storageKey, seq, bytes]);
}

/**
 * `length` bytes of chunk `seq` from byte `from` of it (0-based; substring on bytea is 1-based),
 * cut by the database; null: there is no such chunk.
 */
export async function attachmentChunkBytes(
  sql: Sql,
  storageKey: string,
  seq: number,
  from: number,
  length: number,
): Promise<Buffer | null> {
  const rows: { bytes: Buffer }[] = await sql.query(
    `SELECT substring(bytes FROM $3::int + 1 FOR $4::int) AS bytes FROM attachment_chunk WHERE storage_key = $1 AND seq = $2`,
    [storageKey, seq, from, length],
  );
  return rows[0]?.bytes ?? null;
}

/** Deletes every chunk of the file. */
export async function deleteAttachmentChunks(sql: Sql, storageKey: string): Promise<void> {
  await sql.query(`DELETE FROM attachment_chunk WHERE storage_key = $1`, [storageKey]);
}

/** Whether any bytes are stored under the key (its first chunk exists). */
export async function hasAttachmentChunks(sql: Sql, storageKey: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM attachment_chunk WHERE storage_key = $1 AND seq = 0`, [storageKey]);
  return rows.length > 0;
}
