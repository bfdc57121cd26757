import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { byId, groupBy } from '../common/loaders';
import { Agency } from './agency.entity';
import { draftProblems, DraftProblemRow } from './import-warnings.queries';
import { Measure } from './measure.entity';
import { Policy } from './policy.entity';
import { Quota } from './quota.entity';
import { ReportingPeriod } from './reporting-period.entity';
import { Responsibility } from './responsibility.entity';
import { Section } from './section.entity';
import { Target } from './target.entity';

declare module '../common/loaders' {
  interface Loaders {
    agency: DataLoader<string, Agency>;
    /** The county-level governments, in division-code order (one key: 'all'); a merged one is gone (its data moved). */
    counties: DataLoader<'all', Agency[]>;
    /** A policy by id (the lists across policies name each row's policy; one statement for all of them). */
    policy: DataLoader<string, Policy>;
    measure: DataLoader<string, Measure>;
    target: DataLoader<string, Target>;
    period: DataLoader<string, ReportingPeriod>;
    section: DataLoader<string, Section>;
    sectionsByPolicy: DataLoader<string, Section[]>;
    measuresByPolicy: DataLoader<string, Measure[]>;
    measuresBySection: DataLoader<string, Measure[]>;
    responsibilitiesByMeasure: DataLoader<string, Responsibility[]>;
    targetsByMeasure: DataLoader<string, Target[]>;
    quotasByTarget: DataLoader<string, Quota[]>;
    /** What a DRAFT's rows show now (import-warnings.ts); nothing for a published policy. */
    draftProblemsByPolicy: DataLoader<string, DraftProblemRow[]>;
    periodsByPolicy: DataLoader<string, ReportingPeriod[]>;
  }
}

/** The policy feature's loaders for one request: a policy's structure, its units and its periods. */
export function policyLoaders(ds: DataSource) {
  return {
    agency: new DataLoader<string, Agency>(async (ids) => byId(ids, await ds.getRepository(Agency).findBy({ id: In([...ids]) }))),
    counties: new DataLoader<'all', Agency[]>(async (keys) => {
      const rows = await ds.getRepository(Agency).find({ where: { kind: 'COUNTY', mergedIntoId: IsNull() }, order: { regionCode: 'ASC' } });
      return keys.map(() => rows);
    }),
    policy: new DataLoader<string, Policy>(async (ids) => byId(ids, await ds.getRepository(Policy).findBy({ id: In([...ids]) }))),
    measure: new DataLoader<string, Measure>(async (ids) => byId(ids, await ds.getRepository(Measure).findBy({ id: In([...ids]) }))),
    target: new DataLoader<string, Target>(async (ids) => byId(ids, await ds.getRepository(Target).findBy({ id: In([...ids]) }))),
    period: new DataLoader<string, ReportingPeriod>(async (ids) =>
      byId(ids, await ds.getRepository(ReportingPeriod).findBy({ id: In([...ids]) })),
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
