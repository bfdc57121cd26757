import { Injectable } from '@nestjs/common';
import { VersionedCache } from '../common/versioned-cache';

/**
 * Computed overviews, per API process, keyed by (policy, period, county, past due) and tagged with
 * the policy's data version (dashboard_version: see the DashboardCache migration).
 *
 * Why this is never stale, with any number of API replicas on one database:
 * - Every committed change to a row an overview is computed from (reports, quotas, targets,
 *   measures, responsibilities, periods, agencies) raises the policy's (or the 'all') counter in
 *   the same transaction, by a trigger: no writer can forget it, whichever replica or script writes.
 * - The version is read first, in its own statement, and the overview is computed by later
 *   statements. Under READ COMMITTED a later statement sees at least what the earlier one saw, so
 *   an answer stored under version v holds every change counted in v (perhaps more: harmless).
 * - The counters only grow, and a reader's snapshot sees every transaction committed before it, so
 *   a replica that reads v after a change committed reads a larger v than any answer computed
 *   before the change: a miss, recomputed. Nothing needs to be told across replicas.
 * - The only input not in the database is the clock: `overdue` flips when the due date passes,
 *   so "past due" (the database's now(), read with the version) is part of the key.
 * An answer is served for a version at least the one asked for (a newer answer is as good).
 * Concurrent misses for one key share one computation (no stampede at 16 clients).
 */
@Injectable()
export class OverviewCache {
  static readonly MAX_ENTRIES = 256;
  private readonly entries = new VersionedCache<unknown>(OverviewCache.MAX_ENTRIES);

  get<T>(key: string, version: bigint, compute: () => Promise<T>): Promise<T> {
    return (this.entries.peek(key, version) ??
      this.entries.compute(key, version, async () => ({ value: await compute(), version }))) as Promise<T>;
  }

  clear(): void {
    this.entries.clear();
  }
}
