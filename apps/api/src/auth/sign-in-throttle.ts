import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  BackoffPolicy,
  countRefusal,
  forgetKey,
  forgetRightAttempt,
  pruneForgottenFailures,
  reserveAttempt,
} from './sign-in-throttle.queries';

export type { BackoffPolicy };

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
    await forgetRightAttempt(manager, userKey(username), addressKey(address));
  }

  /** A password reset: the username's failures are forgotten, so its owner signs in with the new one at once. */
  async forgetUser(manager: EntityManager, username: string): Promise<void> {
    await forgetKey(manager, userKey(username));
  }

  /** Rows whose last failure is forgotten: pruned as new failures come in, so the table stays small. */
  async prune(): Promise<void> {
    await pruneForgottenFailures(this.dataSource, FORGET_AFTER_SECONDS);
  }

  private reserve(manager: EntityManager, key: string, policy: BackoffPolicy, cleanAddress: boolean): Promise<number | null> {
    return reserveAttempt(manager, key, policy, FORGET_AFTER_SECONDS, cleanAddress, CLEAN_ADDRESS_CEILING);
  }

  private async refusal(manager: EntityManager, key: string, policy: BackoffPolicy) {
    const row = await countRefusal(manager, key, policy);
    return { retryAfterSeconds: row?.retryAfter ?? 1, failures: row?.failures ?? 0, firstRefusal: (row?.refused ?? 1) === 1 };
  }
}
