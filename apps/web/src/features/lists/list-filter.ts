/**
 * The office's lists across policies keep their filter in the URL query (?policy=&quarter=&unit=&measure=),
 * so a filtered list can be bookmarked, shared and reloaded. A value that cannot be right (not an
 * id, not a quarter such as 2024Q3) is dropped rather than sent to the API to be refused.
 */
export interface ListFilter {
  policy: string | null;
  quarter: string | null;
  unit: string | null;
  measure: string | null;
}

export type ListFilterKey = keyof ListFilter;

/** In the order the bar shows them and the URL writes them. */
export const LIST_FILTER_KEYS: ListFilterKey[] = ['policy', 'quarter', 'unit', 'measure'];

export const NO_FILTER: ListFilter = { policy: null, quarter: null, unit: null, measure: null };

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUARTER = /^\d{4}Q[1-4]$/;

function clean(key: ListFilterKey, raw: string | null): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (key === 'quarter') return QUARTER.test(value.toUpperCase()) ? value.toUpperCase() : null;
  return ID.test(value) ? value.toLowerCase() : null;
}

/** The filter a URL query holds; a measure only counts with its policy (measures belong to one). */
export function filterFromSearch(params: URLSearchParams): ListFilter {
  const filter = Object.fromEntries(LIST_FILTER_KEYS.map((k) => [k, clean(k, params.get(k))])) as unknown as ListFilter;
  if (!filter.policy) filter.measure = null;
  return filter;
}

/** The URL query for a filter: the filter's keys set or removed, any other parameter kept. */
export function filterToSearch(filter: ListFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of LIST_FILTER_KEYS) next.delete(key);
  for (const key of LIST_FILTER_KEYS) {
    const value = clean(key, filter[key]);
    if (value && (key !== 'measure' || filter.policy)) next.set(key, value);
  }
  return next;
}

/** One filter changed; another policy clears the measure (it belonged to the old one). */
export function changeFilter(filter: ListFilter, key: ListFilterKey, value: string | null): ListFilter {
  const next = { ...filter, [key]: value || null };
  if (key === 'policy' && value !== filter.policy) next.measure = null;
  return next;
}

export const isFiltered = (filter: ListFilter) => LIST_FILTER_KEYS.some((k) => filter[k] !== null);

/** The review queue's variables for a filter. */
export const reviewQueueVariables = (filter: ListFilter) => ({
  policyId: filter.policy,
  quarter: filter.quarter,
  agencyId: filter.unit,
  measureId: filter.measure,
});

/** The quarters of the policies' periods, newest first, once each (the same quarter across policies). */
export function quarterOptions(policies: { periods: { label: string }[] }[]): string[] {
  const labels = new Set(policies.flatMap((p) => p.periods.map((x) => x.label)).filter((l) => QUARTER.test(l)));
  return [...labels].sort().reverse();
}
