import type { Sql } from '../common/sql';

/**
 * Sign-in failures counted per key (`user:…` or `address:…`) in sign_in_throttle; the rules (which
 * keys, which policy, in which order) are SignInThrottle's (sign-in-throttle.ts).
 */

/** Free failures, then a wait of base·2^(failures − free) seconds after the last one, capped. */
export interface BackoffPolicy {
  free: number;
  baseSeconds: number;
  capSeconds: number;
}

/** Seconds to wait after the last failure of a row `t` that has `t.failures`; $2..$4 are the policy. */
const WAIT = `least($3::float8 * power(2, least(t.failures - $2::int, 30)), $4::float8)`;
const FORGOTTEN = `t.last_failure_at < clock_timestamp() - make_interval(secs => $5::float8)`;

/**
 * Counts the attempt against its key before the password is checked, in one upsert: the row lock
 * serializes concurrent attempts, so of sixty at once exactly as many pass as the policy allows and
 * the rest are refused without a password check. Returns the failure count including this attempt,
 * or null when the key is still waiting out its backoff (nothing is counted then). A failure older
 * than `forgetAfterSeconds` starts the count afresh; `cleanAddress` lets the attempt through the
 * backoff while the key has fewer than `cleanAddressCeiling` failures.
 */
export async function reserveAttempt(
  sql: Sql,
  key: string,
  policy: BackoffPolicy,
  forgetAfterSeconds: number,
  cleanAddress: boolean,
  cleanAddressCeiling: number,
): Promise<number | null> {
  const rows: { failures: number }[] = await sql.query(
    `
  INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at) VALUES ($1, 1, clock_timestamp())
  ON CONFLICT (key) DO UPDATE
    SET failures = CASE WHEN ${FORGOTTEN} THEN 1 ELSE t.failures + 1 END, last_failure_at = clock_timestamp(), refused = 0
    WHERE ${FORGOTTEN} OR t.failures < $2::int OR clock_timestamp() >= t.last_failure_at + make_interval(secs => ${WAIT})
       OR ($6::boolean AND t.failures < $7::int)
  RETURNING failures`,
    [key, policy.free, policy.baseSeconds, policy.capSeconds, forgetAfterSeconds, cleanAddress, cleanAddressCeiling],
  );
  return rows.length ? rows[0].failures : null;
}

/** A refused attempt on a key: its refusals so far (this one included), its failures, and the wait left. */
export interface RefusalRow {
  refused: number;
  failures: number;
  retryAfter: number;
}

/** Counts a refusal on the key; its row, or null when the key has none (pruned meanwhile). */
export async function countRefusal(sql: Sql, key: string, policy: BackoffPolicy): Promise<RefusalRow | null> {
  const [rows]: [RefusalRow[], number] = await sql.query(
    `
  UPDATE sign_in_throttle AS t SET refused = t.refused + 1 WHERE key = $1
  RETURNING t.refused, t.failures,
    greatest(1, ceil(extract(epoch FROM t.last_failure_at + make_interval(secs => ${WAIT}) - clock_timestamp())))::int AS "retryAfter"`,
    [key, policy.free, policy.baseSeconds, policy.capSeconds],
  );
  return rows[0] ?? null;
}

/** A right password: the user's key is deleted, and the address's count loses this attempt. */
export async function forgetRightAttempt(sql: Sql, userKey: string, addressKey: string): Promise<void> {
  await sql.query(
    `WITH gone AS (DELETE FROM sign_in_throttle WHERE key = $1)
       UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = $2`,
    [userKey, addressKey],
  );
}

/** Forgets every failure counted on the key. */
export async function forgetKey(sql: Sql, key: string): Promise<void> {
  await sql.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [key]);
}

/** Deletes the rows whose last failure is older than `forgetAfterSeconds`. */
export async function pruneForgottenFailures(sql: Sql, forgetAfterSeconds: number): Promise<void> {
  await sql.query(`DELETE FROM sign_in_throttle WHERE last_failure_at < clock_timestamp() - make_interval(secs => $1::float8)`, [
    forgetAfterSeconds,
  ]);
}
