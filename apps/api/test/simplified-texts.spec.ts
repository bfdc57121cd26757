import { codeOf, TestServer } from './support/test-server';
import { seedIds } from '../src/policy/notice-seed';

const DOC = '江就辦〔2024〕1號';
const QUERY = `query ($policyId: ID!) { simplifiedTexts(policyId: $policyId) { text simplified } }`;

interface Pair {
  text: string;
  simplified: string;
}

describe('simplifiedTexts: the dashboard texts of a notice in simplified characters', () => {
  let server: TestServer;
  let pairs: Pair[];
  let map: Map<string, string>;

  beforeAll(async () => {
    server = await TestServer.start();
    pairs = (await server.ok<{ simplifiedTexts: Pair[] }>(QUERY, { policyId: seedIds.policy(DOC) })).simplifiedTexts;
    map = new Map(pairs.map((p) => [p.text, p.simplified]));
  });
  afterAll(() => server.close());

  it('converts the doc number, the title, target names and units, measures, units and counties, without sign-in', () => {
    expect(map.get(DOC)).toBe('江就办〔2024〕1号');
    expect(map.get('江門市關于貫徹落實穩就業政策措施全力促發展惠民生的通知')).toBe(
      '江门市关于贯彻落实稳就业政策措施全力促发展惠民生的通知',
    );
    expect(map.get('激發活力擴大就業容量')).toBe('激发活力扩大就业容量'); // a section title
    expect(map.get('見習崗位')).toBe('见习岗位'); // a target name
    expect(map.get('鶴山市')).toBe('鹤山市'); // a county's name
    expect(map.get('鶴山')).toBe('鹤山'); // and its short name
    expect(map.get('市人力資源社會保障局')).toBe('市人力资源社会保障局'); // a lead unit
  });

  it('leaves out texts that are the same in both scripts, and lists each text once', () => {
    for (const p of pairs) expect(p.simplified).not.toBe(p.text);
    expect(map.has('台山市')).toBe(false);
    expect(map.has('天')).toBe(false); // a unit written the same way
    expect(new Set(pairs.map((p) => p.text)).size).toBe(pairs.length);
  });

  it('answers the same list again (cached), and NOT_FOUND for an unknown policy', async () => {
    const again = (await server.ok<{ simplifiedTexts: Pair[] }>(QUERY, { policyId: seedIds.policy(DOC) })).simplifiedTexts;
    expect(again).toEqual(pairs);
    expect(codeOf(await server.gql(QUERY, { policyId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(QUERY, { policyId: 'nope' }))).toBe('NOT_FOUND');
  });
});
