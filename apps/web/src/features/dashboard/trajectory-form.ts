import type { MessageKey } from '../../shared/i18n';

/** The server's rule, checked before sending: 4 cumulative shares from 0 to 1, never falling, ending at 1. */
export function scheduleProblem(percents: readonly (number | null)[]): MessageKey | null {
  if (percents.length !== 4 || percents.some((p) => p === null || !Number.isFinite(p))) return 'schedule.count';
  const values = percents as number[];
  if (values.some((p) => p < 0 || p > 100)) return 'schedule.range';
  if (values.some((p, i) => i > 0 && p < values[i - 1])) return 'schedule.falling';
  if (values[3] !== 100) return 'schedule.end';
  return null;
}

/** Percent inputs (what the office types) to the shares the API takes. */
export const sharesOf = (percents: readonly number[]) => percents.map((p) => Math.round(p * 10) / 1000);

/** What the dialog opens with: the schedule set, else even progress (25, 50, 75, 100). */
export const initialPercents = (trajectory: readonly number[] | null | undefined) =>
  trajectory && trajectory.length === 4 ? trajectory.map((s) => Math.round(s * 1000) / 10) : [25, 50, 75, 100];
