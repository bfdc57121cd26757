// What a backup records and a restore must reproduce: the row count of every table, a checksum of
// every table's rows, and whether each attachment's stored bytes still hash to the sha256 its record
// holds. Computed in one REPEATABLE READ snapshot (the backup's is the very one pg_dump reads).

export const MANIFEST_FORMAT = 'luoshi-backup-manifest/1';

/** Settings that make a row's text form the same on any server and session (dates, floats). */
export const STABLE_TEXT = [
  `SET LOCAL TimeZone = 'UTC'`,
  `SET LOCAL DateStyle = 'ISO, YMD'`,
  `SET LOCAL IntervalStyle = 'postgres'`,
  `SET LOCAL extra_float_digits = 1`,
  `SET LOCAL bytea_output = 'hex'`,
];

/** The tables that hold what officials entered and evidenced: named in the summary, never skipped. */
export const KEY_TABLES = ['progress_report', 'report_figure', 'audit_record', 'report_attachment', 'attachment_chunk'];

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * `client` must be inside a transaction (the caller picks its isolation and snapshot). The checksum
 * of a table is the sha256 of its rows' sha256s in sorted order: independent of physical order and
 * of the primary key, and 32 bytes per row however wide the row (attachment chunks are 256 KB).
 */
export async function fingerprint(client) {
  for (const sql of STABLE_TEXT) await client.query(sql);
  const { rows: tables } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const counts = {};
  const checksums = {};
  for (const { name } of tables) {
    const { rows } = await client.query(
      `SELECT count(*)::bigint AS n,
              encode(sha256(coalesce(string_agg(h, ''::bytea ORDER BY h), ''::bytea)), 'hex') AS checksum
         FROM (SELECT sha256(convert_to(t::text, 'UTF8')) AS h FROM ${quote(name)} t) rows_hashed`,
    );
    counts[name] = Number(rows[0].n);
    checksums[name] = rows[0].checksum;
  }
  const attachments = counts.attachment_chunk === undefined ? null : await attachmentBytes(client);
  return { tables: counts, checksums, attachments };
}

/** Attachments, their bytes in total, and those whose chunks do not hash to the recorded sha256. */
async function attachmentBytes(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS files, coalesce(sum(a.size_bytes), 0)::bigint AS bytes,
            count(*) FILTER (WHERE s.stored IS NOT NULL AND encode(s.stored, 'hex') <> a.sha256)::int AS mismatched,
            count(*) FILTER (WHERE s.stored IS NULL)::int AS "notInDatabase"
       FROM report_attachment a
       LEFT JOIN LATERAL (SELECT sha256(string_agg(c.bytes, ''::bytea ORDER BY c.seq)) AS stored
                            FROM attachment_chunk c WHERE c.storage_key = a.storage_key HAVING count(*) > 0) s ON true`,
  );
  return { files: rows[0].files, bytes: Number(rows[0].bytes), mismatched: rows[0].mismatched, notInDatabase: rows[0].notInDatabase };
}

/** Lines naming every difference between two fingerprints (empty when they are equal). */
export function differences(expected, actual) {
  const lines = [];
  const names = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const name of [...names].sort()) {
    if (expected.tables[name] !== actual.tables[name])
      lines.push(`${name}: ${expected.tables[name] ?? '(none)'} rows at backup, ${actual.tables[name] ?? '(none)'} now`);
    else if (expected.checksums[name] !== actual.checksums[name]) lines.push(`${name}: same row count, different contents (checksum)`);
  }
  if (JSON.stringify(expected.attachments) !== JSON.stringify(actual.attachments))
    lines.push(`attachments: ${JSON.stringify(expected.attachments)} at backup, ${JSON.stringify(actual.attachments)} now`);
  return lines;
}
