import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { User } from '../auth/user.entity';
import { Agency } from '../policy/agency.entity';
import { Measure } from '../policy/measure.entity';
import { Policy } from '../policy/policy.entity';
import { Quota } from '../policy/quota.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { Responsibility } from '../policy/responsibility.entity';
import { Section } from '../policy/section.entity';
import { Target } from '../policy/target.entity';
import { ReportFigure } from '../reports/report-figure.entity';
import { reportEventsFor, ReportEventRow } from '../reports/report-history';
import { ProgressReport } from '../reports/progress-report.entity';
import { ReportAttachment } from '../attachments/report-attachment.entity';
import { previousReportsFor } from '../reports/previous-reports';
import { draftProblems, DraftProblemRow } from '../policy/import-warnings.queries';

/** Groups rows by a key, keeping the order of `keys` (what DataLoader expects back). */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | Error)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => map.get(k) ?? new Error(`not found: ${k}`));
}

/**
 * One set per GraphQL request: every list field is fetched in one statement per level, however many
 * policies, measures or counties the answer holds.
 */
export function createLoaders(ds: DataSource) {
  return {
    user: new DataLoader<string, User>(async (ids) => byId(ids, await ds.getRepository(User).findBy({ id: In([...ids]) }))),
    agency: new DataLoader<string, Agency>(async (ids) => byId(ids, await ds.getRepository(Agency).findBy({ id: In([...ids]) }))),
    /** The county-level governments, in division-code order (one key: 'all'); a merged one is gone (its data moved). */
    counties: new DataLoader<'all', Agency[]>(async (keys) => {
      const rows = await ds.getRepository(Agency).find({ where: { kind: 'COUNTY', mergedIntoId: IsNull() }, order: { regionCode: 'ASC' } });
      return keys.map(() => rows);
    }),
    /** A policy by id (the lists across policies name each row's policy; one statement for all of them). */
    policy: new DataLoader<string, Policy>(async (ids) => byId(ids, await ds.getRepository(Policy).findBy({ id: In([...ids]) }))),
    measure: new DataLoader<string, Measure>(async (ids) => byId(ids, await ds.getRepository(Measure).findBy({ id: In([...ids]) }))),
    target: new DataLoader<string, Target>(async (ids) => byId(ids, await ds.getRepository(Target).findBy({ id: In([...ids]) }))),
    period: new DataLoader<string, ReportingPeriod>(async (ids) =>
      byId(ids, await ds.getRepository(ReportingPeriod).findBy({ id: In([...ids]) })),
    ),
    figuresByReport: new DataLoader<string, ReportFigure[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(ReportFigure).find({ where: { reportId: In([...ids]) }, order: { targetId: 'ASC', countyId: 'ASC' } }),
        (f) => f.reportId,
      ),
    ),
    /** Keyed by previousKey(measureId, agencyId, periodId). */
    previousReport: new DataLoader<string, ProgressReport | null>((keys) => previousReportsFor(ds, keys)),
    attachmentsByReport: new DataLoader<string, ReportAttachment[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(ReportAttachment).find({ where: { reportId: In([...ids]) }, order: { uploadedAt: 'ASC' } }),
        (a) => a.reportId,
      ),
    ),
    historyByReport: new DataLoader<string, ReportEventRow[]>(async (ids) =>
      groupBy(ids, await reportEventsFor(ds, ids), (e) => e.reportId),
    ),
    section: new DataLoader<string, Section>(async (ids) => byId(ids, await ds.getRepository(Section).findBy({ id: In([...ids]) }))),
    sectionsByPolicy: new DataLoader<string, Section[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Section).find({ where: { policyId: In([...ids]) }, order: { seq: 'ASC' } }), (s) => s.policyId),
    ),
    measuresByPolicy: new DataLoader<string, Measure[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Measure).find({ where: { policyId: In([...ids]) }, order: { seq: 'ASC' } }), (m) => m.policyId),
    ),
    measuresBySection: new DataLoader<string, Measure[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Measure).find({ where: { sectionId: In([...ids]) }, order: { seq: 'ASC' } }), (m) => m.sectionId),
    ),
    responsibilitiesByMeasure: new DataLoader<string, Responsibility[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(Responsibility).find({ where: { measureId: In([...ids]) }, order: { position: 'ASC' } }),
        (r) => r.measureId,
      ),
    ),
    targetsByMeasure: new DataLoader<string, Target[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(Target).find({ where: { measureId: In([...ids]) }, order: { year: 'ASC', name: 'ASC' } }),
        (t) => t.measureId,
      ),
    ),
    quotasByTarget: new DataLoader<string, Quota[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Quota).findBy({ targetId: In([...ids]) }), (q) => q.targetId),
    ),
    /** What a DRAFT's rows show now (import-warnings.ts); nothing for a published policy. */
    draftProblemsByPolicy: new DataLoader<string, DraftProblemRow[]>(async (ids) =>
      groupBy(ids, await draftProblems(ds, ids), (r) => r.policyId),
    ),
    periodsByPolicy: new DataLoader<string, ReportingPeriod[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(ReportingPeriod).find({ where: { policyId: In([...ids]) }, order: { startsOn: 'ASC' } }),
        (p) => p.policyId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
