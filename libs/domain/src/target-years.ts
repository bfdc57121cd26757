/**
 * A 每年 target has one target per year (issue 14). What a period shows of a measure's targets: of
 * each name, the target of the period's year where there is one; a name with no target of that year
 * (a goal of one year, e.g. 到2027年…) keeps all of its targets, as before.
 */
export function targetsForYear<T extends { name: string; year: number; measureId?: string }>(targets: readonly T[], year: number): T[] {
  const key = (t: T) => `${t.measureId ?? ''}\u0000${t.name}`;
  const ofYear = new Set(targets.filter((t) => t.year === year).map(key));
  return targets.filter((t) => t.year === year || !ofYear.has(key(t)));
}
