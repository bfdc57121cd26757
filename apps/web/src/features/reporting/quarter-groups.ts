/**
 * A unit reports once a quarter across every policy it is responsible under: the quarter list and
 * the form show a quarter's measures grouped by policy. The API gives tasks in policy order (issue
 * date, then doc number) and measure order; these helpers keep that order and never re-sort policies.
 */

export interface PolicyHeading {
  id: string;
  docNumber: string;
  title: string;
}

export interface PolicyGroup<T> {
  policy: PolicyHeading;
  items: T[];
}

/** Consecutive-or-not items of the same policy together, policies in the order they first appear. */
export function groupByPolicy<T extends { policy: PolicyHeading }>(items: readonly T[]): PolicyGroup<T>[] {
  const groups = new Map<string, PolicyGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.policy.id) ?? { policy: item.policy, items: [] };
    group.items.push(item);
    groups.set(item.policy.id, group);
  }
  return [...groups.values()];
}

/**
 * The form's cards of one policy: measures with figures to give first (they feed the targets the
 * leaders watch), then by measure number. Policies keep their order (groupByPolicy).
 */
export function formCardOrder<C extends { hasFigures: boolean; seq: number }>(cards: readonly C[]): C[] {
  return [...cards].sort((a, b) => Number(b.hasFigures) - Number(a.hasFigures) || a.seq - b.seq);
}

/** The quarter to show: the one in the address if the unit has it, else the first (what is due first). */
export function chooseQuarter(quarters: readonly { quarter: string }[], requested: string | null): string | null {
  const wanted = requested?.trim().toUpperCase();
  if (wanted && quarters.some((q) => q.quarter === wanted)) return wanted;
  return quarters[0]?.quarter ?? null;
}

/** Quarters other than the one shown that have reports sent back, with how many. */
export function returnedElsewhere<Q extends { quarter: string; counts: { returned: number } }>(
  quarters: readonly Q[],
  shown: string | null,
): Q[] {
  return quarters.filter((q) => q.quarter !== shown && q.counts.returned > 0);
}

/** Submitted or accepted: nothing left for the unit. */
export const doneCount = (counts: { submitted: number; accepted: number }) => counts.submitted + counts.accepted;
