import { useQuery } from '@apollo/client/react';
import { ReportingPolicyDocument, type ReportingPolicyQuery } from '../../graphql/generated';
import { currentPolicy } from '../policy/current-policy';

export type ReportingPolicy = ReportingPolicyQuery['policies'][number];
export type ReportingPeriod = ReportingPolicy['periods'][number];

/**
 * The policy units report on and its periods. One notice for now (as on the policy page); a
 * notice switcher comes with the second notice.
 */
export function useReportingPolicy() {
  const query = useQuery(ReportingPolicyDocument);
  const policy = currentPolicy(query.data?.policies);
  return { ...query, policy };
}

/** The period to show: the one in the address if the policy has it, else the current one, else the latest. */
export function choosePeriod(policy: Pick<ReportingPolicy, 'periods' | 'currentPeriod'>, requested: string | null): string | null {
  if (requested && policy.periods.some((p) => p.id === requested)) return requested;
  return policy.currentPeriod?.id ?? policy.periods.at(-1)?.id ?? null;
}
