import { chinaToday } from '@luoshi/domain';
import { codeOf, TestServer } from './support/test-server';
import { seedIds } from '../src/policy/notice-seed';

const DOC = '江就辦〔2024〕1號';
const COUNTIES = [
  ['蓬江區', '440703'],
  ['江海區', '440704'],
  ['新會區', '440705'],
  ['台山市', '440781'],
  ['開平市', '440783'],
  ['鶴山市', '440784'],
  ['恩平市', '440785'],
];

interface Agency {
  id: string;
  name: string;
  kind: string;
  regionCode: string | null;
}
interface Measure {
  id: string;
  seq: number;
  title: string;
  body: string;
  section: { seq: number; title: string };
  responsibilities: { role: string; agency: Agency }[];
  targets: { id: string; name: string; unit: string; targetValue: number; direction: string; year: number }[];
}
interface PolicyData {
  policies: {
    id: string;
    docNumber: string;
    title: string;
    issuer: string;
    issuedOn: string;
    sections: { seq: number; title: string }[];
    measures: Measure[];
  }[];
}

const POLICY_STRUCTURE = `query PolicyStructure {
  policies { id docNumber title issuer issuedOn sections { seq title }
    measures { id seq title body section { seq title }
      responsibilities { role agency { id name kind regionCode } }
      targets { id name unit targetValue direction year } } } }`;

describe('the notice as the API serves it', () => {
  let server: TestServer;
  let policy: PolicyData['policies'][number];

  beforeAll(async () => {
    server = await TestServer.start();
    policy = (await server.ok<PolicyData>(POLICY_STRUCTURE)).policies.find((p) => p.docNumber === DOC)!;
  });
  afterAll(() => server.close());

  it('has the notice with its stable id, 4 sections and 15 measures, readable without sign-in', () => {
    expect(policy).toMatchObject({ id: seedIds.policy(DOC), issuedOn: '2024-07-26', issuer: '江門市就業工作領導小組辦公室' });
    expect(policy.title).toBe('江門市關于貫徹落實穩就業政策措施全力促發展惠民生的通知');
    expect(policy.sections.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    expect(policy.sections[0].title).toBe('激發活力擴大就業容量');
    expect(policy.measures.map((m) => m.seq)).toEqual([...Array(15).keys()].map((i) => i + 1));
    expect(policy.measures[6].section.seq).toBe(2);
    expect(policy.measures[6].body).toContain('每年募集見習崗位不少于3000個');
  });

  it('names every responsible unit: 牽頭 as LEAD, the seven counties on every measure', () => {
    for (const m of policy.measures) {
      const counties = m.responsibilities.filter((r) => r.agency.kind === 'COUNTY');
      expect(counties.map((r) => [r.agency.name, r.agency.regionCode])).toEqual(COUNTIES);
      expect(counties.every((r) => r.role === 'CO')).toBe(true);
    }
    const leads = policy.measures.filter((m) => m.responsibilities.some((r) => r.role === 'LEAD')).map((m) => m.seq);
    expect(leads).toEqual([1, 4, 5, 6, 7, 13, 14]);
    expect(policy.measures[0].responsibilities[0]).toMatchObject({
      role: 'LEAD',
      agency: { name: '市人力資源社會保障局', kind: 'DEPARTMENT', regionCode: null },
    });
    const m15 = policy.measures[14].responsibilities;
    expect(m15.filter((r) => r.agency.kind === 'DEPARTMENT')).toHaveLength(17);
  });

  it('has the numeric targets of the notice', () => {
    const targets = policy.measures.flatMap((m) => m.targets.map((t) => ({ seq: m.seq, ...t, id: undefined })));
    expect(targets).toEqual([
      { seq: 3, id: undefined, name: '創業擔保貸款公示時間', unit: '天', targetValue: 3, direction: 'AT_MOST', year: 2024 },
      // 每年: a target for each year from the notice's through this one (issue 14).
      ...Array.from({ length: Number(chinaToday().slice(0, 4)) - 2023 }, (_, i) => ({
        seq: 7,
        id: undefined,
        name: '見習崗位',
        unit: '個',
        targetValue: 3000,
        direction: 'AT_LEAST',
        year: 2024 + i,
      })),
      { seq: 10, id: undefined, name: '事業單位崗位', unit: '個', targetValue: 2000, direction: 'AT_LEAST', year: 2024 },
      { seq: 11, id: undefined, name: '公益性崗位', unit: '個', targetValue: 400, direction: 'AT_LEAST', year: 2024 },
    ]);
  });

  it('lists agencies by kind, counties by division code, searchable in either script', async () => {
    const counties = await server.ok<{ agencies: Agency[] }>(
      `query Agencies($kind: AgencyKind) { agencies(kind: $kind) { id name kind regionCode } }`,
      { kind: 'COUNTY' },
    );
    expect(counties.agencies.map((a) => [a.name, a.regionCode])).toEqual(COUNTIES);
    // The notice's 17 departments are all listed (other test files add units of their own to the shared database).
    const named = new Set(
      policy.measures.flatMap((m) => m.responsibilities.filter((r) => r.agency.kind === 'DEPARTMENT').map((r) => r.agency.id)),
    );
    expect(named.size).toBe(17);
    const departments = await server.ok<{ agencies: Agency[] }>(`{ agencies(kind: DEPARTMENT) { id } }`);
    expect(departments.agencies.map((a) => a.id)).toEqual(expect.arrayContaining([...named]));
    for (const term of ['人力資源', '人力资源', '鹤山', '鶴山']) {
      const found = await server.ok<{ agencies: Agency[] }>(`query ($s: String) { agencies(search: $s) { name } }`, { s: term });
      expect(found.agencies.length).toBe(1);
    }
    const none = await server.ok<{ agencies: Agency[] }>(`{ agencies(search: "%") { name } }`);
    expect(none.agencies).toEqual([]);
  });

  it('has reporting quarters from the notice date on, with due dates', async () => {
    const data = await server.ok<{ reportingPeriods: { id: string; label: string; startsOn: string; endsOn: string; dueOn: string }[] }>(
      `query ReportingPeriods($policyId: ID!) { reportingPeriods(policyId: $policyId) { id label startsOn endsOn dueOn } }`,
      { policyId: policy.id },
    );
    expect(data.reportingPeriods.slice(0, 2)).toEqual([
      { id: seedIds.period(DOC, '2024Q3'), label: '2024Q3', startsOn: '2024-07-01', endsOn: '2024-09-30', dueOn: '2024-10-10' },
      { id: seedIds.period(DOC, '2024Q4'), label: '2024Q4', startsOn: '2024-10-01', endsOn: '2024-12-31', dueOn: '2025-01-10' },
    ]);
    const thisYear = new Date().getUTCFullYear();
    expect(data.reportingPeriods.at(-1)?.label).toBe(`${thisYear}Q4`);
  });

  it('answers NOT_FOUND for an unknown or malformed policy id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nonsense']) {
      expect(codeOf(await server.gql(`query ($id: ID!) { reportingPeriods(policyId: $id) { id } }`, { id }))).toBe('NOT_FOUND');
      expect(codeOf(await server.gql(`query ($id: ID!) { policy(id: $id) { id } }`, { id }))).toBe('NOT_FOUND');
    }
  });
});
