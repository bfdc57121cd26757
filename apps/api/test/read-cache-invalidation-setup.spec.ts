import { TargetYearsService } from '../src/policy/target-years.service';
import { countyId, departmentId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { IMPORT, PUBLISH, simplifiedNotice } from './support/notice-fixtures';
import {
  Answer,
  cardOf,
  cellOf,
  complianceOf,
  Overview,
  overviewRead,
  ProgressRow,
  progressRead,
  Read,
  Replicas,
  rowOf,
} from './support/read-cache-fixtures';
import { codeOf, uniqueName } from './support/test-server';
import {
  createUnit,
  forgetCounties,
  makeResponsible,
  MERGE,
  RENAME,
  retireNewUnits,
  SET_ACTIVE,
  unitIds,
  unitName,
} from './support/units-fixtures';

/**
 * Issue 15 ("Cached"), the setup's write paths: quotas, target values and trajectories, due dates
 * and extensions, units (a county added, renamed, merged, deactivated), drafts corrected, published
 * and deleted, a notice imported, the yearly roll; and a signed-out token. The report paths, and the
 * list of write paths judged not to change targetProgress or policyOverview, are in
 * read-cache-invalidation.spec.ts. Numbered cases write on replica A when even, B when odd.
 */

const TAISHAN = countyId('440781');
const ENPING = countyId('440785');
const HRSS = departmentId('市人力資源社會保障局');
const THIS_YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear(); // China's year, as the roll counts it

const SET_QUOTA = `mutation ($t: ID!, $c: ID!, $v: Float!) { setQuota(targetId: $t, countyId: $c, value: $v) { quota } }`;
const SET_QUOTAS = `mutation ($t: ID!, $q: [QuotaInput!]!, $allow: Boolean) { setQuotas(targetId: $t, quotas: $q, allowShortfall: $allow) { sum } }`;
const SET_VALUE = `mutation ($t: ID!, $v: Float!, $version: Int!) { setTargetValue(targetId: $t, targetValue: $v, version: $version) { version } }`;
const TRAJECTORY = `mutation ($t: ID!, $s: [Float!]) { setTargetTrajectory(targetId: $t, shares: $s) { id } }`;
const UPDATE_PERIOD = `mutation ($id: ID!, $dueOn: String!, $reason: String) { updateReportingPeriod(id: $id, dueOn: $dueOn, reason: $reason) { dueOn } }`;
const EXTEND = `mutation ($p: ID!, $a: ID!, $d: String!, $r: String!) { setPeriodExtension(periodId: $p, agencyId: $a, dueOn: $d, reason: $r) { dueOn } }`;
const UNEXTEND = `mutation ($p: ID!, $a: ID!, $r: String!) { removePeriodExtension(periodId: $p, agencyId: $a, reason: $r) }`;
const ADD_TARGET = `mutation ($input: AddDraftTargetInput!) { addDraftTarget(input: $input) { version } }`;
const UPDATE_TARGET = `mutation ($input: UpdateDraftTargetInput!) { updateDraftTarget(input: $input) { version } }`;
const REMOVE_TARGET = `mutation ($input: RemoveDraftTargetInput!) { removeDraftTarget(input: $input) { version } }`;
const DELETE_DRAFT = `mutation ($id: ID!) { deleteDraftPolicy(id: $id) }`;
const PERIODS = `query ($id: ID!) { policy(id: $id) { periods { id label } } }`;
const CREATE_COUNTY = `mutation ($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`;

type Draft = { id: string; version: number; measures: { id: string; seq: number; targets: { id: string; name: string }[] }[] };

describe('the read caches after every setup write, on both replicas', () => {
  let r: Replicas;
  let q: PolicyIds;
  let admin: string, office: string, leader: string;
  let interns: string, jobs: string;
  let reads: Read[];
  let unitsBefore: Set<string>;
  const counties: string[] = [];

  beforeAll(async () => {
    r = await Replicas.start();
    unitsBefore = await unitIds(r.a.dataSource);
    q = await loadVariantNotice(r.a.dataSource, 1802);
    admin = await r.a.adminToken();
    [office, leader] = await Promise.all([signedInUser(r.a, admin, 'OFFICE'), signedInUser(r.a, admin, 'LEADER')]);
    interns = q.target(7, '見習崗位');
    jobs = q.target(10, '工作崗位');
    reads = [
      progressRead(q.policyId, null, leader),
      progressRead(q.policyId, q.period('2024Q3'), leader),
      overviewRead(q.policyId, q.period('2024Q3'), null, leader),
      overviewRead(q.policyId, q.period('2024Q3'), TAISHAN, leader),
    ];
  });
  afterAll(async () => {
    if (r) {
      await forgetCounties(r.a.dataSource, counties);
      await retireNewUnits(r.a.dataSource, unitsBefore);
    }
    await r?.close();
  });

  const quotas = (answer: Answer, targetId: string) =>
    Object.fromEntries(rowOf(answer, targetId).byCounty.map((c) => [c.county.regionCode, c.quota]));
  const versionOf = async (targetId: string): Promise<number> =>
    (await r.a.dataSource.query(`SELECT version FROM target WHERE id = $1`, [targetId]))[0].version;

  describe('targets and quotas', () => {
    it('0 (A) setQuota: the county’s quota, and its card’s goal', async () => {
      const { after } = await r.around(reads, () => r.writer(0).ok(SET_QUOTA, { t: interns, c: TAISHAN, v: 1000 }, office));
      expect([cellOf(after[0], interns, TAISHAN)?.quota, cellOf(after[1], interns, TAISHAN)?.quota]).toEqual([1000, 1000]);
      expect(cardOf(after[3], interns)).toMatchObject({ goal: 1000, percent: 0 });
      expect(cardOf(after[2], interns).goal).toBe(rowOf(after[0], interns).target.targetValue); // the city's goal stays
    });

    it('1 (B) setQuotas: the whole split, counties left out lose theirs', async () => {
      const { after } = await r.around(reads, () =>
        r.writer(1).ok(
          SET_QUOTAS,
          {
            t: interns,
            q: [
              { countyId: TAISHAN, value: 600 },
              { countyId: ENPING, value: 400 },
            ],
            allow: true,
          },
          office,
        ),
      );
      const split = { '440703': null, '440704': null, '440705': null, '440781': 600, '440783': null, '440784': null, '440785': 400 };
      expect([quotas(after[0], interns), quotas(after[1], interns)]).toEqual([split, split]);
      expect(cardOf(after[3], interns).goal).toBe(600);
    });

    it('2 (A) setTargetValue: the target’s value and the city card’s goal', async () => {
      const { after } = await r.around(reads, async () =>
        r.writer(2).ok(SET_VALUE, { t: interns, v: 5000, version: await versionOf(interns) }, office),
      );
      expect([rowOf(after[0], interns).target.targetValue, rowOf(after[1], interns).target.targetValue]).toEqual([5000, 5000]);
      const city = cardOf(after[2], interns);
      expect(city).toMatchObject({ goal: 5000, target: { targetValue: 5000 } });
      expect(city.expectedValue).toBeCloseTo(5000 * city.expectedShare, 6);
    });

    it('3 (B) setTargetTrajectory: the expected share and value of the cards', async () => {
      const { before, after } = await r.around(reads, () => r.writer(3).ok(TRAJECTORY, { t: interns, s: [0.1, 0.2, 0.3, 1] }, office));
      expect(cardOf(before[2], interns).expectedShare).not.toBe(0.3);
      expect(cardOf(after[2], interns)).toMatchObject({ expectedShare: 0.3, expectedValue: 1500 });
      expect(cardOf(after[3], interns)).toMatchObject({ expectedShare: 0.3, expectedValue: 180 });
      expect(after.slice(0, 2)).toEqual(before.slice(0, 2)); // targetProgress shows no trajectory
    });
  });

  describe('due dates and extensions', () => {
    const q3 = () => q.period('2024Q3');

    it('4 (A) setPeriodExtension: the unit’s own due date in the compliance', async () => {
      const { before, after } = await r.around(reads, () =>
        r.writer(4).ok(EXTEND, { p: q3(), a: HRSS, d: '2099-06-30', r: '机构改革' }, office),
      );
      expect(complianceOf(before[2], HRSS)?.extendedDueOn).toBeNull();
      expect(complianceOf(after[2], HRSS)).toMatchObject({ extendedDueOn: '2099-06-30', late: 0 });
      expect(complianceOf(after[3], HRSS)?.extendedDueOn).toBe('2099-06-30'); // the county's overview: the same compliance
    });

    it('5 (B) removePeriodExtension: the period’s date binds the unit again', async () => {
      const { after } = await r.around(reads, () => r.writer(5).ok(UNEXTEND, { p: q3(), a: HRSS, r: '已无必要' }, office));
      expect([complianceOf(after[2], HRSS)?.extendedDueOn, complianceOf(after[3], HRSS)?.extendedDueOn]).toEqual([null, null]);
    });

    it('6 (A) updateReportingPeriod: the period’s due date, and who is late', async () => {
      const { before, after } = await r.around(reads, () =>
        r.writer(6).ok(UPDATE_PERIOD, { id: q3(), dueOn: '2099-12-31', reason: '延后' }, office),
      );
      expect((before[2] as Overview).period.dueOn).not.toBe('2099-12-31');
      expect([(after[2] as Overview).period.dueOn, (after[3] as Overview).period.dueOn]).toEqual(['2099-12-31', '2099-12-31']);
      // No report yet: past the old date every unit was overdue; before the new one none is.
      const overdue = (answer: Answer) => (answer as Overview).measures.flatMap((m) => m.units.map((u) => u.overdue));
      expect(overdue(before[2]).length).toBeGreaterThan(0);
      expect(overdue(before[2]).every(Boolean)).toBe(true);
      expect(overdue(after[2]).some(Boolean)).toBe(false);
      expect(overdue(after[3])).toEqual(overdue(after[2]));
    });
  });

  describe('units', () => {
    let x: string, y: string, dept: string;
    const code = (n: number) => `97${String((process.pid * 7 + n) % 10000).padStart(4, '0')}`;
    const countyIds = (answer: Answer, targetId: string) => rowOf(answer, targetId).byCounty.map((c) => c.county.id);
    const both = () => reads.slice(0, 2);

    it('7 (B) createAgency: a new county is a new row of every target', async () => {
      const { before, after } = await r.around(both(), async () => {
        x = (
          await r
            .writer(7)
            .ok<{ createAgency: { id: string } }>(
              CREATE_COUNTY,
              { i: { name: unitName('甲县'), kind: 'COUNTY', regionCode: code(1) } },
              office,
            )
        ).createAgency.id;
        counties.push(x);
      });
      for (const i of [0, 1]) {
        expect(countyIds(after[i], interns)).toEqual([...countyIds(before[i], interns), x]);
        expect(cellOf(after[i], jobs, x)).toMatchObject({ quota: null, achieved: 0, pending: 0 });
      }
    });

    it('8 (A) renameAgency: the county’s name in byCounty and its overview, a unit’s in the compliance', async () => {
      dept = await createUnit(r.a, office, { name: unitName('见习局') });
      await makeResponsible(r.a.dataSource, q.measure(7), dept);
      const withCounty = [...both(), overviewRead(q.policyId, q.period('2024Q3'), x, leader), reads[2]];
      const [county, unit] = [unitName('乙县'), unitName('新名局')];
      const { before, after } = await r.around(withCounty, async () => {
        await r.writer(8).ok(RENAME, { id: x, name: county }, office);
        await r.writer(8).ok(RENAME, { id: dept, name: unit }, office);
      });
      expect(complianceOf(before[3], dept)?.agency.name).not.toBe(unit);
      expect([cellOf(after[0], interns, x)?.county.name, cellOf(after[1], jobs, x)?.county.name]).toEqual([county, county]);
      expect((after[2] as Overview).county).toEqual({ id: x, name: county });
      expect(complianceOf(after[3], dept)?.agency.name).toBe(unit);
    });

    it('9 (B) mergeAgencies: the county that goes leaves byCounty, its quota moves', async () => {
      y = (
        await r.a.ok<{ createAgency: { id: string } }>(
          CREATE_COUNTY,
          { i: { name: unitName('丙县'), kind: 'COUNTY', regionCode: code(2) } },
          office,
        )
      ).createAgency.id;
      counties.push(y);
      await r.a.ok(SET_QUOTA, { t: interns, c: x, v: 100 }, office);
      const withCounty = [...both(), overviewRead(q.policyId, q.period('2024Q3'), y, leader)];
      const { before, after } = await r.around(withCounty, () => r.writer(9).ok(MERGE, { fromId: x, intoId: y }, office));
      expect([cellOf(before[0], interns, x)?.quota, cellOf(before[0], interns, y)?.quota]).toEqual([100, null]);
      for (const i of [0, 1]) {
        expect(countyIds(after[i], interns)).not.toContain(x);
        expect(cellOf(after[i], interns, y)?.quota).toBe(100);
      }
      expect(cardOf(after[2], interns).goal).toBe(100);
    });

    it('10 (A) setAgencyActive false: an inactive county stays only where it has a quota', async () => {
      const withCounty = [...both(), overviewRead(q.policyId, q.period('2024Q3'), y, leader)];
      const { before, after } = await r.around(withCounty, () => r.writer(10).ok(SET_ACTIVE, { id: y, active: false }, office));
      expect(cellOf(before[0], jobs, y)).toBeDefined();
      for (const i of [0, 1]) {
        expect(cellOf(after[i], interns, y)?.quota).toBe(100);
        expect(cellOf(after[i], jobs, y)).toBeUndefined();
      }
      // Not a county of every target any more: its overview is NOT_FOUND, as for any unit without a row.
      expect(after[2]).toEqual({ error: 'NOT_FOUND' });
    });
  });

  describe('drafts, publishing, a notice imported', () => {
    let draft: Draft;
    let version: number;
    let added: string;
    const asOffice = () => [progressRead(draft.id, null, office)];
    const names = (answer: Answer) => (answer as ProgressRow[]).map((row) => `${row.target.name} ${row.target.targetValue}`).sort();
    // The notice this part publishes has late quarters for units every test shares: gone again afterwards, so that
    // no other file (chasing.spec's notices list late items by doc number) meets its hundreds of late reports.
    afterAll(async () => {
      if (!draft) return;
      await r.a.dataSource.query(`DELETE FROM progress_report WHERE period_id IN (SELECT id FROM reporting_period WHERE policy_id = $1)`, [
        draft.id,
      ]);
      await r.a.dataSource.query(`DELETE FROM policy WHERE id = $1`, [draft.id]);
    });

    it('11 (B) importNotice: a new draft the office sees at once on both replicas; other policies unchanged', async () => {
      const { before, after } = await r.around([progressRead(q.policyId, null, office)], async () => {
        draft = (await r.writer(11).ok<{ importNotice: Draft }>(IMPORT, { text: simplifiedNotice().text }, office)).importNotice;
      });
      expect(after).toEqual(before);
      version = draft.version;
      const [answer] = await r.readBoth(asOffice());
      expect((answer as ProgressRow[]).map((row) => row.target.id).sort()).toEqual(
        draft.measures.flatMap((m) => m.targets.map((t) => t.id)).sort(),
      );
      expect(codeOf(await r.b.gql(progressRead(draft.id, null).query, { p: draft.id, period: null }))).toBe('NOT_FOUND');
    });

    it('12 (A) addDraftTarget: a new row', async () => {
      const measure = draft.measures.find((m) => m.seq === 8)!;
      const { before, after } = await r.around(asOffice(), async () => {
        version = (
          await r.writer(12).ok<{ addDraftTarget: { version: number } }>(
            ADD_TARGET,
            {
              input: {
                measureId: measure.id,
                version,
                name: '监测企业',
                unit: '家',
                targetValue: 80,
                direction: 'AT_LEAST',
                years: [2025],
              },
            },
            office,
          )
        ).addDraftTarget.version;
      });
      expect(names(after[0])).toEqual([...names(before[0]), '监测企业 80'].sort());
      added = (after[0] as ProgressRow[]).find((row) => row.target.name === '监测企业')!.target.id;
    });

    it('13 (B) updateDraftTarget: the row’s name and value', async () => {
      const { after } = await r.around(asOffice(), async () => {
        version = (
          await r
            .writer(13)
            .ok<{ updateDraftTarget: { version: number } }>(
              UPDATE_TARGET,
              { input: { targetId: added, version, name: '重点监测企业', targetValue: 90 } },
              office,
            )
        ).updateDraftTarget.version;
      });
      expect(rowOf(after[0], added).target).toMatchObject({ name: '重点监测企业', targetValue: 90 });
    });

    it('14 (A) removeDraftTarget: the row goes', async () => {
      const { before, after } = await r.around(asOffice(), async () => {
        version = (
          await r.writer(14).ok<{ removeDraftTarget: { version: number } }>(REMOVE_TARGET, { input: { targetId: added, version } }, office)
        ).removeDraftTarget.version;
      });
      expect((after[0] as ProgressRow[]).map((row) => row.target.id)).toEqual(
        (before[0] as ProgressRow[]).map((row) => row.target.id).filter((id) => id !== added),
      );
    });

    it('15 (B) publishPolicy: anonymous and a leader get NOT_FOUND before, the answer after; its periods answer', async () => {
      const published = [progressRead(draft.id, null), progressRead(draft.id, null, leader), ...asOffice()];
      const { before, after } = await r.around(published, () => r.writer(15).ok(PUBLISH, { id: draft.id }, office));
      // The draft's answer to the office never reached anonymous or a leader through a cache.
      expect(before.slice(0, 2)).toEqual([{ error: 'NOT_FOUND' }, { error: 'NOT_FOUND' }]);
      expect(after[0]).toEqual(after[2]);
      expect(after[1]).toEqual(after[2]);
      expect((after[0] as ProgressRow[]).length).toBeGreaterThan(0);
      const periods = (await r.b.ok<{ policy: { periods: { id: string; label: string }[] } }>(PERIODS, { id: draft.id }, leader)).policy
        .periods;
      expect(periods.length).toBeGreaterThan(0);
      const [withPeriod, overview] = await r.readBoth([
        progressRead(draft.id, periods[0].id),
        overviewRead(draft.id, periods[0].id, null, leader),
      ]);
      expect(Array.isArray(withPeriod)).toBe(true);
      expect((overview as Overview).period).toMatchObject({ id: periods[0].id, label: periods[0].label });
    });

    it('16 (A) deleteDraftPolicy: the office’s answer becomes NOT_FOUND', async () => {
      const other = (await r.a.ok<{ importNotice: Draft }>(IMPORT, { text: simplifiedNotice().text }, office)).importNotice;
      const { before, after } = await r.around([progressRead(other.id, null, office)], () =>
        r.writer(16).ok(DELETE_DRAFT, { id: other.id }, office),
      );
      expect(Array.isArray(before[0])).toBe(true);
      expect(after).toEqual([{ error: 'NOT_FOUND' }]);
    });
  });

  describe('the yearly roll', () => {
    it('17 (B) a new year’s targets and quarters show at once, without and with a period of that year', async () => {
      const s = await loadVariantNotice(r.a.dataSource, 1803);
      const period = s.period(`${THIS_YEAR}Q1`);
      // The roll also adds a published policy's missing quarters of the year; adding next year's would
      // add them to every policy of the test database, so this policy's last quarter is taken away
      // first (setup, straight in the database) for the roll to add it back.
      const added = s.period(`${THIS_YEAR}Q4`);
      await r.a.dataSource.query(`DELETE FROM reporting_period WHERE id = $1`, [added]);
      const yearReads = [
        progressRead(s.policyId, null, leader),
        progressRead(s.policyId, period, leader),
        overviewRead(s.policyId, period, null, leader),
        overviewRead(s.policyId, period, TAISHAN, leader),
        progressRead(s.policyId, added, leader),
        overviewRead(s.policyId, added, null, leader),
      ];
      const internsOf = (answer: Answer) =>
        (answer as ProgressRow[])
          .filter((row) => row.target.name === '見習崗位')
          .map((row) => row.target.year)
          .sort();
      const { before, after } = await r.around(yearReads, () => r.writer(17).resolve(TargetYearsService).roll());
      expect(internsOf(before[0])).toEqual([2024]);
      expect(internsOf(after[0])).toEqual(Array.from({ length: THIS_YEAR - 2023 }, (_, i) => 2024 + i));
      expect(internsOf(after[1])).toEqual([THIS_YEAR]); // at a period, that year's target only
      const thisYear = s.target(7, '見習崗位', THIS_YEAR);
      expect((before[2] as Overview).targets.map((c) => c.target.id)).not.toContain(thisYear);
      expect(cardOf(after[2], thisYear)).toBeDefined();
      expect(cardOf(after[3], thisYear)).toBeDefined();
      // The quarter added back: NOT_FOUND before, answered after.
      expect(before.slice(4)).toEqual([{ error: 'NOT_FOUND' }, { error: 'NOT_FOUND' }]);
      expect(internsOf(after[4])).toEqual([THIS_YEAR]);
      expect((after[5] as Overview).period).toMatchObject({ id: added, label: `${THIS_YEAR}Q4` });
    });
  });

  describe('sessions', () => {
    it('a token signed out on A (or its user deactivated) is refused on B at once for targetProgress', async () => {
      for (const end of ['logout', 'deactivate'] as const) {
        const username = uniqueName('cache');
        const made = await r.a.ok<{ createUser: { id: string } }>(
          `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
          { i: { username, password: 'password-123', role: 'LEADER' } },
          admin,
        );
        const token = await r.a.login(username, 'password-123');
        const read = progressRead(q.policyId, null, token);
        const [answer] = await r.warm([read]);
        expect(Array.isArray(answer)).toBe(true);
        if (end === 'logout') expect(await r.a.ok(`mutation { logout }`, {}, token)).toEqual({ logout: true });
        else await r.a.ok(`mutation ($id: ID!) { setUserActive(id: $id, active: false) { id } }`, { id: made.createUser.id }, admin);
        expect(await r.answer(r.b, read)).toEqual({ error: 'UNAUTHENTICATED' });
        expect(await r.answer(r.a, read)).toEqual({ error: 'UNAUTHENTICATED' });
      }
    });
  });
});
