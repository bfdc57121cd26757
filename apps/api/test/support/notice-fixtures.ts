import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueName } from './test-server';

/**
 * The simplified-script notice of test/fixtures (8 measures, 市人社局 and 市财政局 as most notices write
 * them, one unit no agency has, 各县（市、区） clauses, 2 goals), under a doc number and a new unit's
 * name of this test's own, so that test files sharing a database never meet each other's notices.
 */
export const SIMPLIFIED_NOTICE = readFileSync(join(__dirname, '../fixtures/notice-simplified.txt'), 'utf8');
export const FIXTURE_NEW_UNIT = '市数字经济促进中心';

export function simplifiedNotice(options: { withoutDocNumber?: boolean; withoutDate?: boolean } = {}): {
  text: string;
  docNumber: string;
  newUnit: string;
} {
  // Doc numbers are short (a year, a number of up to four digits): a random one, unlikely to meet another test's.
  const docNumber = `江人社〔${2030 + Math.floor(Math.random() * 70)}〕${1 + Math.floor(Math.random() * 9999)}号`;
  const newUnit = `市数字经济促进中心${uniqueName('').replace(/\W/g, '')}`;
  let text = SIMPLIFIED_NOTICE.replace('江人社〔2025〕8号', options.withoutDocNumber ? '' : docNumber).replace(FIXTURE_NEW_UNIT, newUnit);
  if (options.withoutDate) text = text.replace('2025年4月10日\n', '');
  if (options.withoutDocNumber) text = text.replace(/^\n/, '');
  return { text, docNumber, newUnit };
}

export const IMPORT = `mutation ($text: String!) { importNotice(text: $text) {
  id status version docNumber title issuedOn issuedOnConfirmed
  warnings { line kind message measureId agencyId }
  measures { id seq title line responsibilitySpan { start end }
    responsibilities { role words roleWords agency { id name createdByImport } }
    targets { id name unit targetValue direction year sourcePhrase span { start end } } } } }`;

export const PUBLISH = `mutation ($id: ID!) { publishPolicy(id: $id) { id status version } }`;
