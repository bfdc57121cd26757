/**
 * Answers computed from the database, per API process, each tagged with the data version it is as of
 * (dashboard_version: see the DashboardCache migration). Why that is never stale, with any number of
 * replicas on one database, is told in dashboard/overview-cache.ts: every write raises the version in
 * its own transaction (triggers), the reader reads the version before it looks here, and versions only
 * grow. An entry serves any reader whose version is at most the entry's (a newer answer is as good).
 *
 * Concurrent misses for one key share one computation (no stampede at 16 clients); a failed one is
 * forgotten. Bounded by weight (e.g. the rows an answer holds), least recently used first out.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: bigint; weight: number; value: Promise<T> }>();
  private totalWeight = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: T) => number = () => 1,
  ) {}

  /** The entry for `key` if it is as of `version` or later, else undefined. */
  peek(key: string, version: bigint): Promise<T> | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version < version) return undefined;
    this.entries.delete(key); // least recently used goes first: re-insert on a hit
    this.entries.set(key, hit);
    return hit.value;
  }

  /**
   * Computes the answer for `key` and keeps it under the version the computation reports (at least the
   * one the caller read before: the computation ran after). Callers that find an entry computing share it.
   */
  compute(key: string, version: bigint, run: () => Promise<{ value: T; version: bigint }>): Promise<T> {
    const entry = { version, weight: 0, value: undefined as unknown as Promise<T> };
    entry.value = run().then(
      (result) => {
        if (this.entries.get(key) === entry) {
          if (result.version > entry.version) entry.version = result.version;
          entry.weight = this.weigh(result.value);
          this.totalWeight += entry.weight;
          this.evict();
        }
        return result.value;
      },
      (error: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    this.remove(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.totalWeight -= old.weight;
    this.entries.delete(key);
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.totalWeight <= this.maxWeight || this.entries.size <= 1) return;
      this.remove(key);
    }
  }
}
