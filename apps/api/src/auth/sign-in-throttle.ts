import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Free failures, then a wait of base·2^(failures − free) seconds after the last one, capped. */
export interface BackoffPolicy {
  free: number;
  baseSeconds: number;
  capSeconds: number;
}

/** Per username, from any address: five free failures, then 1 s, 2 s, 4 s … at most 15 minutes. */
export const USER_BACKOFF: BackoffPolicy = { free: 5, baseSeconds: 1, capSeconds: 900 };
/** Per address, whatever the username: thirty free failures (an office behind one NAT), then the same. */
export const ADDRESS_BACKOFF: BackoffPolicy = { free: 30, baseSeconds: 1, capSeconds: 900 };
/** Failures are forgotten an hour after the last one; the row is then pruned. */
export const FORGET_AFTER_SECONDS = 3600;
/**
 * An address without a failure in the last hour is let through a username's backoff, so that an
 * attacker elsewhere cannot keep the owner out; past this many failures of that username (an attack
 * from many addresses) nobody is let through until the backoff has passed.
 */
export const CLEAN_ADDRESS_CEILING = 100;

export type ThrottleVerdict =
  | { allowed: true; userFailures: number }
  | { allowed: false; by: 'user' | 'address'; retryAfterSeconds: number; failures: number; firstRefusal: boolean };

const userKey = (username: string) => `user:${username}`;
const addressKey = (address: string) => `address:${address}`;

/** Seconds to wait after the last failure of a row `t` that has `t.failures`; $2..$4 are the policy. */
const WAIT = `least($3::float8 * power(2, least(t.failures - $2::int, 30)), $4::float8)`;
const FORGOTTEN = `t.last_failure_at < clock_timestamp() - make_interval(secs => $5::float8)`;

/**
 * Counts the attempt against its key before the password is checked, in one upsert: the row lock
 * serializes concurrent attempts, so of sixty at once exactly as many pass as the policy allows and
 * the rest are refused without a password check. Returns the failure count including this attempt,
 * or null when the key is still waiting out its backoff (nothing is counted then).
 */
const RESERVE = `
  INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at) VALUES ($1, 1, clock_timestamp())
  ON CONFLICT (key) DO UPDATE
    SET failures = CASE WHEN ${FORGOTTEN} THEN 1 ELSE t.failures + 1 END, last_failure_at = clock_timestamp(), refused = 0
    WHERE ${FORGOTTEN} OR t.failures < $2::int OR clock_timestamp() >= t.last_failure_at + make_interval(secs => ${WAIT})
       OR ($6::boolean AND t.failures < $7::int)
  RETURNING failures`;

const REFUSE = `
  UPDATE sign_in_throttle AS t SET refused = t.refused + 1 WHERE key = $1
  RETURNING t.refused, t.failures,
    greatest(1, ceil(extract(epoch FROM t.last_failure_at + make_interval(secs => ${WAIT}) - clock_timestamp())))::int AS "retryAfter"`;

/**
 * Sign-in attempts counted in PostgreSQL per username and per address (every replica sees the same
 * counts). An attempt is counted as a failure before its password is checked and uncounted when it
 * turns out right, which is what makes the limit hold under concurrency.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt of `username` from `address`, or refuses it. The address is counted first;
   * an address with no other failure in the last hour passes the username's backoff (see
   * CLEAN_ADDRESS_CEILING). A refused attempt counts nowhere.
   */
  async attempt(username: string, address: string): Promise<ThrottleVerdict> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const byAddress = await this.reserve(runner.manager, addressKey(address), ADDRESS_BACKOFF, false);
      if (byAddress === null) {
        const refusal = await this.refusal(runner.manager, addressKey(address), ADDRESS_BACKOFF);
        await runner.commitTransaction();
        return { allowed: false, by: 'address', ...refusal };
      }
      const byUser = await this.reserve(runner.manager, userKey(username), USER_BACKOFF, byAddress === 1);
      if (byUser === null) {
        await runner.rollbackTransaction(); // the address keeps no trace of an attempt that was not made
        // On the same connection: a second one from the pool while holding this could deadlock under load.
        return { allowed: false, by: 'user', ...(await this.refusal(runner.manager, userKey(username), USER_BACKOFF)) };
      }
      await runner.commitTransaction();
      return { allowed: true, userFailures: byUser };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The attempt was right: the username starts afresh, and the address's count loses this attempt. */
  async succeeded(manager: EntityManager, username: string, address: string): Promise<void> {
    await manager.query(
      `WITH gone AS (DELETE FROM sign_in_throttle WHERE key = $1)
       UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = $2`,
      [userKey(username), addressKey(address)],
    );
  }

  /** A password reset: the username's failures are forgotten, so its owner signs in with the new one at once. */
  async forgetUser(manager: EntityManager, username: string): Promise<void> {
    await manager.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [userKey(username)]);
  }

  /** Rows whose last failure is forgotten: pruned as new failures come in, so the table stays small. */
  async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_throttle WHERE last_failure_at < clock_timestamp() - make_interval(secs => $1::float8)`,
      [FORGET_AFTER_SECONDS],
    );
  }

  private async reserve(manager: EntityManager, key: string, policy: BackoffPolicy, cleanAddress: boolean): Promise<number | null> {
    const rows: { failures: number }[] = await manager.query(RESERVE, [
      key,
      policy.free,
      policy.baseSeconds,
      policy.capSeconds,
      FORGET_AFTER_SECONDS,
      cleanAddress,
      CLEAN_ADDRESS_CEILING,
    ]);
    return rows.length ? rows[0].failures : null;
  }

  private async refusal(manager: EntityManager, key: string, policy: BackoffPolicy) {
    const [rows]: [{ refused: number; failures: number; retryAfter: number }[], number] = await manager.query(REFUSE, [
      key,
      policy.free,
      policy.baseSeconds,
      policy.capSeconds,
    ]);
    const row = rows[0];
    return { retryAfterSeconds: row?.retryAfter ?? 1, failures: row?.failures ?? 0, firstRefusal: (row?.refused ?? 1) === 1 };
  }
}
