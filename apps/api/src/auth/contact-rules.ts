/**
 * An account holder's name and phone, as the office types them into a form or an Excel sheet.
 * Each function answers the stored value (null for empty) or a problem in words, naming the field.
 */
import { findControlCharacter } from '../common/control-characters';

export const MAX_DISPLAY_NAME = 50;

export type Checked = { value: string | null } | { problem: string };

export function checkDisplayName(raw: string | null | undefined): Checked {
  const value = (raw ?? '').replace(/\s+/gu, ' ').trim();
  if (!value) return { value: null };
  // An Excel cell is not passed through the global pipe that refuses these in requests.
  if (findControlCharacter(value)) return { problem: '姓名含有不可见的控制字符' };
  if ([...value].length > MAX_DISPLAY_NAME) return { problem: `姓名不能超过 ${MAX_DISPLAY_NAME} 个字` };
  return { value };
}

/** 13800138000 (a mainland mobile: 1, then 3–9, then nine digits), +86 / 86 in front allowed. */
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;
/**
 * 0750-3201234, (0750)3201234, 07503201234, 020-12345678, with an extension -123 allowed. Area codes
 * of three digits are 010 and 02x, the others have four, so one written without its hyphen still splits.
 */
const LANDLINE = /^\(?(0(?:[12]\d|[3-9]\d\d))\)?-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/;

/**
 * A mainland mobile (kept as its 11 digits) or a landline with its area code (kept as 区号-号码).
 * Spaces, full-width digits and the hyphens people type are accepted; anything else is refused.
 */
export function checkPhone(raw: string | number | null | undefined): Checked {
  const compact = String(raw ?? '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s]/gu, '');
  if (!compact) return { value: null };
  const mobile = MOBILE.exec(compact.replace(/-/g, ''));
  if (mobile) return { value: mobile[1] };
  const landline = LANDLINE.exec(compact);
  if (landline) return { value: `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}` };
  return { problem: '手机须为 11 位手机号码(如 13800138000)或带区号的固定电话(如 0750-3201234)' };
}

/** The checked value, or the feature's BAD_USER_INPUT naming the field (createUser, updateUser). */
export function contactValue(
  checked: Checked,
  field: 'displayName' | 'phone',
  refuse: (message: string, field: string) => Error,
): string | null {
  if ('problem' in checked) throw refuse(checked.problem, field);
  return checked.value;
}
