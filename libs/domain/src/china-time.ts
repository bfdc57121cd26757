/**
 * Instants as officials read them: China time (Asia/Shanghai, UTC+8 — no daylight saving since
 * 1991, so a fixed offset is exact), to the minute, `2026-10-14 05:41`. The database keeps UTC;
 * every file a person takes away (Excel exports) shows this instead of `2026-10-13T21:41:10.704Z`.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** `2026-10-13T21:41:10.704Z` (or a Date) → `2026-10-14 05:41`; what is not an instant stays as it is. */
export function chinaDateTime(at: Date | string): string {
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(time)) return String(at);
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** An ISO 8601 instant with its zone (Z or ±hh:mm), as JSON and PostgreSQL's JSON write them. */
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})(?![\d:])/g;

/** Every ISO instant inside a text (a record's before/after, say) in China time; the rest untouched. */
export function chinaTimesInText(text: string): string {
  return text.replace(ISO_INSTANT, (instant) => chinaDateTime(instant));
}
