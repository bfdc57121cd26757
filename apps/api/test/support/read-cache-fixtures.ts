import { codeOf, TestServer } from './test-server';

/**
 * Two replicas (two apps, one database) and the dashboard's two cached reads, for the invalidation
 * specs (read-cache-invalidation*.spec.ts): each read is warmed on both replicas before a write and
 * read again on both after it, so a cache that kept an answer past the write would show.
 */
export const PROGRESS = `query ($p: ID!, $period: ID) { targetProgress(policyId: $p, periodId: $period) {
  target { id name unit targetValue year } achieved pending percent
  byCounty { county { id name regionCode } quota achieved pending } } }`;
export const OVERVIEW = `query ($p: ID!, $period: ID!, $c: ID) { policyOverview(policyId: $p, periodId: $period, countyId: $c) {
  period { id label dueOn } scope county { id name } hasReports
  targets { target { id name targetValue } achieved pending goal percent expectedShare expectedValue rating hasFigure }
  measures { measure { seq title } rating missing units { agency { id name } onTime overdue extendedDueOn } }
  compliance { agency { id name } onTime late missing total extendedDueOn } } }`;

export interface CountyRow {
  county: { id: string; name: string; regionCode: string };
  quota: number | null;
  achieved: number;
  pending: number;
}
export interface ProgressRow {
  target: { id: string; name: string; unit: string; targetValue: number; year: number };
  achieved: number;
  pending: number;
  percent: number | null;
  byCounty: CountyRow[];
}
export interface Card {
  target: { id: string; name: string; targetValue: number };
  achieved: number;
  pending: number;
  goal: number | null;
  percent: number | null;
  expectedShare: number;
  expectedValue: number | null;
  rating: string | null;
  hasFigure: boolean;
}
export interface Compliance {
  agency: { id: string; name: string };
  onTime: number;
  late: number;
  missing: number;
  total: number;
  extendedDueOn: string | null;
}
export interface Overview {
  period: { id: string; label: string; dueOn: string };
  scope: string;
  county: { id: string; name: string } | null;
  hasReports: boolean;
  targets: Card[];
  measures: {
    measure: { seq: number; title: string };
    rating: string | null;
    missing: number;
    units: { agency: { id: string; name: string }; onTime: boolean; overdue: boolean; extendedDueOn: string | null }[];
  }[];
  compliance: Compliance[];
}

/** One read as a client sends it: the same variables and token before and after the write. */
export interface Read {
  query: string;
  vars: Record<string, unknown>;
  token?: string;
}
/** The answer's field, or the error code when refused (NOT_FOUND before a policy is published). */
export type Answer = unknown;

export const progressRead = (policyId: string, periodId: string | null, token?: string): Read => ({
  query: PROGRESS,
  vars: { p: policyId, period: periodId },
  token,
});
export const overviewRead = (policyId: string, periodId: string, countyId: string | null, token?: string): Read => ({
  query: OVERVIEW,
  vars: { p: policyId, period: periodId, c: countyId },
  token,
});

export class Replicas {
  private constructor(
    readonly a: TestServer,
    readonly b: TestServer,
  ) {}

  static async start(): Promise<Replicas> {
    const [a, b] = await Promise.all([TestServer.start(), TestServer.start()]);
    return new Replicas(a, b);
  }

  close(): Promise<unknown> {
    return Promise.all([this.a.close(), this.b.close()]);
  }

  /** Replica A for even case numbers, B for odd ones: half the writes go through each. */
  writer(n: number): TestServer {
    return n % 2 === 0 ? this.a : this.b;
  }

  async answer(server: TestServer, read: Read): Promise<Answer> {
    const res = await server.gql(read.query, read.vars, read.token);
    if (res.errors?.length) return { error: codeOf(res) };
    return Object.values(res.data ?? {})[0];
  }

  /** Fills both replicas' caches: twice on A (the second a hit once cached), once on B; all three agree. */
  async warm(reads: Read[]): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (const read of reads) {
      const first = await this.answer(this.a, read);
      expect(await this.answer(this.a, read)).toEqual(first);
      expect(await this.answer(this.b, read)).toEqual(first);
      answers.push(first);
    }
    return answers;
  }

  /** After a write: every read on both replicas, which must agree; A's answers. */
  async readBoth(reads: Read[]): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (const read of reads) {
      const [onA, onB] = [await this.answer(this.a, read), await this.answer(this.b, read)];
      expect(onB).toEqual(onA);
      answers.push(onA);
    }
    return answers;
  }

  /** Warms the reads, runs the write, reads again: the answers before and after. */
  async around<T extends Answer[]>(reads: Read[], write: () => Promise<unknown>): Promise<{ before: T; after: T }> {
    const before = (await this.warm(reads)) as T;
    await write();
    const after = (await this.readBoth(reads)) as T;
    return { before, after };
  }
}

/** A target's row of a targetProgress answer. */
export const rowOf = (answer: Answer, targetId: string): ProgressRow => {
  const row = (answer as ProgressRow[]).find((r) => r.target.id === targetId);
  if (!row) throw new Error(`no row for target ${targetId}`);
  return row;
};
/** A (target, county) cell of a targetProgress answer, or undefined when the county is not listed. */
export const cellOf = (answer: Answer, targetId: string, countyId: string): CountyRow | undefined =>
  rowOf(answer, targetId).byCounty.find((c) => c.county.id === countyId);
/** A target's card of a policyOverview answer. */
export const cardOf = (answer: Answer, targetId: string): Card => {
  const card = (answer as Overview).targets.find((c) => c.target.id === targetId);
  if (!card) throw new Error(`no card for target ${targetId}`);
  return card;
};
export const complianceOf = (answer: Answer, agencyId: string): Compliance | undefined =>
  (answer as Overview).compliance.find((c) => c.agency.id === agencyId);
/** The figures part of a row (what a report changes). */
export const figures = ({ achieved, pending, percent }: { achieved: number; pending: number; percent: number | null }) => ({
  achieved,
  pending,
  percent,
});
