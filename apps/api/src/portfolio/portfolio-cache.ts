import { Injectable } from '@nestjs/common';

/**
 * Computed portfolios, per API process, one per day seen from (asOf), each tagged with the
 * fingerprint of the data it was computed from (PORTFOLIO_VERSION_SQL, read first in every request).
 *
 * Why an answer is never stale, with any number of replicas on one database (the argument of
 * OverviewCache): every input the portfolio reads changes the fingerprint when it changes —
 * dashboard_version's counters (raised by triggers in the writing transaction: reports, quotas,
 * targets, measures, units, periods, extensions, agencies, of any policy), the published policies'
 * count and versions, the follow-up items' count, versions and newest creation, and the number of
 * due dates already passed (the clock's part: a unit turns late when its due date passes). The
 * fingerprint is read before the computation's statements, so an answer stored under it holds every
 * change it counts; a replica reading after a change reads another fingerprint: a miss.
 * Fingerprints are compared for equality (its parts are not all monotonic): a differing one
 * replaces the day's entry. Concurrent misses for one fingerprint share one computation (single
 * flight); at most MAX_DAYS days are kept (least recently used goes), so memory stays bounded.
 */
@Injectable()
export class PortfolioCache {
  static readonly MAX_DAYS = 8;
  private readonly entries = new Map<string, { fingerprint: string; value: Promise<unknown> }>();

  get<T>(day: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(day);
    this.entries.delete(day);
    if (hit && hit.fingerprint === fingerprint) {
      this.entries.set(day, hit);
      return hit.value as Promise<T>;
    }
    const entry = { fingerprint, value: compute() };
    this.entries.set(day, entry);
    if (this.entries.size > PortfolioCache.MAX_DAYS) this.entries.delete(this.entries.keys().next().value!);
    // A failed computation is not kept: the next request tries again.
    entry.value.catch(() => {
      if (this.entries.get(day) === entry) this.entries.delete(day);
    });
    return entry.value as Promise<T>;
  }

  clear(): void {
    this.entries.clear();
  }
}
