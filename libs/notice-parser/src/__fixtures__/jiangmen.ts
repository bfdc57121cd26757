import { readFileSync } from 'fs';
import { join } from 'path';
import type { CountyInput, ParsedResponsibility } from '../types';

/** Test-only helpers (Node is fine here; the library itself must stay free of Node APIs). */

export const JIANGMEN_COUNTIES: CountyInput[] = [
  { name: '蓬江區', regionCode: '440703' },
  { name: '江海區', regionCode: '440704' },
  { name: '新會區', regionCode: '440705' },
  { name: '台山市', regionCode: '440781' },
  { name: '開平市', regionCode: '440783' },
  { name: '鶴山市', regionCode: '440784' },
  { name: '恩平市', regionCode: '440785' },
];

export const NOTICE_PATH = join(__dirname, '../../data/jiangmen-2024-1.txt');

export function readNotice(): string {
  return readFileSync(NOTICE_PATH, 'utf8');
}

export function dept(agencyName: string, role: ParsedResponsibility['role']): ParsedResponsibility {
  return { agencyName, kind: 'DEPARTMENT', regionCode: null, role };
}

export function allCounties(role: ParsedResponsibility['role'] = 'CO'): ParsedResponsibility[] {
  return JIANGMEN_COUNTIES.map((c) => ({ agencyName: c.name, kind: 'COUNTY', regionCode: c.regionCode, role }));
}

/** Lead units, then cooperating departments, then the seven counties: the order brackets use. */
export function units(lead: string[], co: string[]): ParsedResponsibility[] {
  return [...lead.map((n) => dept(n, 'LEAD')), ...co.map((n) => dept(n, 'CO')), ...allCounties('CO')];
}

/** Without the explanation fields (words, roleWords), to compare units by what they are. */
export function bare(rs: readonly ParsedResponsibility[]): ParsedResponsibility[] {
  return rs.map(({ words: _words, roleWords: _roleWords, ...r }) => r);
}
