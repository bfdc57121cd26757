import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import type { PolicyStructureQuery } from '../../../graphql/generated';

/**
 * A PolicyStructure response shaped like 江就辦〔2024〕1號: 4 sections, 15 measures, traditional
 * characters as stored. Only measure (七) is written out in full; the others are placeholders.
 * `__typename`s are included because Apollo's cache asks for them.
 */
type Policy = PolicyStructureQuery['policy'];

const agency = (id: string, name: string, kind: 'DEPARTMENT' | 'COUNTY' = 'DEPARTMENT', regionCode: string | null = null) => ({
  __typename: 'Agency' as const,
  id,
  name,
  kind,
  regionCode,
});

const hrss = agency('hrss', '市人力資源社會保障局');
const finance = agency('fin', '市財政局');
const counties = JIANGMEN_COUNTIES.map((c) => agency(`county-${c.regionCode}`, `${c.name}人民政府`, 'COUNTY', c.regionCode));

const sections = [
  { seq: 1, title: '一、強化就業崗位開發' },
  { seq: 2, title: '二、支持創業帶動就業' },
  { seq: 3, title: '三、促進重點群體就業' },
  { seq: 4, title: '四、提升就業服務質量' },
].map((s) => ({ __typename: 'Section' as const, ...s }));

const sectionOf = (seq: number) => (seq <= 4 ? sections[0] : seq <= 8 ? sections[1] : seq <= 12 ? sections[2] : sections[3]);

const measures = Array.from({ length: 15 }, (_, i) => {
  const seq = i + 1;
  const isInternship = seq === 7;
  return {
    __typename: 'Measure' as const,
    id: `measure-${seq}`,
    seq,
    title: isInternship ? '加大見習崗位開發力度' : `第${seq}項措施`,
    body: isInternship ? '全市全年開發見習崗位不少於3000個，各縣（市、區）要做好見習崗位募集工作。' : `第${seq}項措施的內容。`,
    section: sectionOf(seq),
    responsibilities: isInternship
      ? [
          { __typename: 'Responsibility' as const, role: 'LEAD' as const, agency: hrss },
          { __typename: 'Responsibility' as const, role: 'CO' as const, agency: finance },
          ...counties.map((c) => ({ __typename: 'Responsibility' as const, role: 'CO' as const, agency: c })),
        ]
      : [{ __typename: 'Responsibility' as const, role: 'LEAD' as const, agency: hrss }],
    targets: isInternship
      ? [
          {
            __typename: 'Target' as const,
            id: 'target-internships',
            name: '見習崗位',
            unit: '個',
            targetValue: 3000,
            direction: 'AT_LEAST' as const,
            year: 2024,
          },
        ]
      : seq === 3
        ? [
            {
              __typename: 'Target' as const,
              id: 'target-loan-notice-days',
              name: '創業擔保貸款公示時間',
              unit: '天',
              targetValue: 3,
              direction: 'AT_MOST' as const,
              year: 2024,
            },
          ]
        : [],
  };
});

export const POLICY_FIXTURE: Policy = {
  __typename: 'Policy',
  id: 'policy-1',
  status: 'PUBLISHED',
  docNumber: '江就辦〔2024〕1號',
  title: '關於印發江門市穩就業若干措施的通知',
  issuer: '江門市就業工作領導小組辦公室',
  issuedOn: '2024-07-26',
  sections,
  measures,
} as Policy;
