import { toSimplified } from '../common/chinese-script';

export const CHASE_KINDS = ['REPORT_OVERDUE', 'REPORT_DUE_SOON', 'ITEM_OVERDUE', 'ITEM_DUE_SOON'] as const;
export type ChaseKind = (typeof CHASE_KINDS)[number];

/** One thing chased, as the candidates query gives it. */
export interface ChaseLine {
  key: string;
  kind: ChaseKind;
  agencyId: string;
  dueOn: string;
  policyId: string;
  docNumber: string;
  periodLabel: string;
  measureSeq: number;
  /** The measure's title (reports) or the office's request (items). */
  subject: string;
}

const SECTIONS: { kind: ChaseKind; heading: string; due: string }[] = [
  { kind: 'REPORT_OVERDUE', heading: '逾期未报', due: '应于 {d} 前报送' },
  { kind: 'ITEM_OVERDUE', heading: '督办事项逾期未答复', due: '限 {d} 前答复' },
  { kind: 'REPORT_DUE_SOON', heading: '进展报告即将到期', due: '请于 {d} 前报送' },
  { kind: 'ITEM_DUE_SOON', heading: '督办事项即将到期', due: '请于 {d} 前答复' },
];

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export const countByKind = (lines: ChaseLine[]) =>
  Object.fromEntries(CHASE_KINDS.map((k) => [k, lines.filter((l) => l.kind === k).length])) as Record<ChaseKind, number>;

/** "逾期未报 3 项、督办事项逾期未答复 1 项" */
export function countsText(lines: ChaseLine[]): string {
  const counts = countByKind(lines);
  return SECTIONS.filter((s) => counts[s.kind] > 0)
    .map((s) => `${s.heading} ${counts[s.kind]} 项`)
    .join('、');
}

/**
 * Lines listed per section: an old notice published today makes many things late at once, and a
 * group robot takes about 2,000 bytes of text; the rest are counted, the system lists them all.
 */
export const MAX_LINES_PER_SECTION = 10;

/**
 * One unit's chasing message for one run: every late or nearly due measure and item in one list,
 * so a unit gets one message rather than one per measure. Simplified characters, as officials read.
 */
export function unitChaseMessage(unitName: string, lines: ChaseLine[]): { title: string; body: string; link: string; text: string } {
  const parts: string[] = [];
  for (const s of SECTIONS) {
    const mine = lines.filter((l) => l.kind === s.kind);
    if (!mine.length) continue;
    parts.push(`【${s.heading}】`);
    mine.slice(0, MAX_LINES_PER_SECTION).forEach((l, i) => {
      const what = l.kind.startsWith('REPORT')
        ? `${toSimplified(l.docNumber)} ${l.periodLabel} 第${l.measureSeq}项 ${clip(toSimplified(l.subject), 24)}`
        : `${toSimplified(l.docNumber)} 第${l.measureSeq}项：${clip(l.subject, 40)}`;
      parts.push(`${i + 1}. ${what}（${s.due.replace('{d}', l.dueOn)}）`);
    });
    if (mine.length > MAX_LINES_PER_SECTION) parts.push(`……另有 ${mine.length - MAX_LINES_PER_SECTION} 项，请登录系统查看`);
  }
  const body = parts.join('\n');
  const title = `催办：${countsText(lines)}`;
  // Reports are filled in on the reporter's task list; items are answered on the supervision page.
  const link = lines.some((l) => l.kind.startsWith('REPORT')) ? '/tasks' : '/supervision/items';
  const text = `【落实·催办】${unitName}：\n${body}\n请抓紧登录落实系统办理。`;
  return { title, body, link, text };
}

/** The office's overview of one run: which units were chased for what. */
export function officeSummary(units: { name: string; lines: ChaseLine[] }[]): { title: string; body: string; link: string } {
  return {
    title: `本轮已催办 ${units.length} 个单位`,
    body: units.map((u) => `${u.name}：${countsText(u.lines)}`).join('\n'),
    link: '/chasing',
  };
}
