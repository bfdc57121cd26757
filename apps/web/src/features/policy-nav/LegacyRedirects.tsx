import { Navigate, useLocation, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Empty, Skeleton } from 'antd';
import { LegacyLinkPoliciesDocument, LegacyReviewPolicyDocument, PolicyChoicesDocument } from '../../graphql/generated';
import { apiErrorCode } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { useAuth } from '../../shared/session';
import { LoadError } from '../../shared/LoadError';
import { pickPolicy, rememberedPolicyId } from './policy-choice';
import { legacyTarget } from './policy-routes';
import { PolicyNotFound } from './PolicyNotFound';

/*
 * Addresses of before the policy was in the address (`/`, `/dashboard…`, `/supervision…`) still
 * work: each is replaced by the same page of the policy it meant. A period or a measure names its
 * policy; a review knows its own; otherwise the person's remembered choice, else the newest.
 */

function Waiting() {
  const { t } = useI18n();
  return <Skeleton active paragraph={{ rows: 6 }} aria-label={t('policyNav.redirecting')} />;
}

function To({ policyId }: { policyId: string }) {
  const { pathname, search, hash } = useLocation();
  return <Navigate replace to={`${legacyTarget(pathname, search, policyId)}${hash}`} />;
}

/** `/`, `/dashboard`, `/dashboard/county/:id`, `/supervision`: the period's policy, else the chosen one. */
export function LegacyPolicyRedirect() {
  const { search } = useLocation();
  const periodId = new URLSearchParams(search).get('period');
  return periodId ? <ByPeriod periodId={periodId} /> : <ByChoice />;
}

function ByChoice() {
  const { t } = useI18n();
  const { user } = useAuth();
  const choices = useQuery(PolicyChoicesDocument);
  if (choices.error && !choices.data) return <LoadError error={choices.error} onRetry={() => void choices.refetch()} />;
  if (!choices.data) return <Waiting />;
  const policy = pickPolicy(choices.data.policies, rememberedPolicyId(user?.username));
  if (!policy) return <Empty className="ls-empty" description={t('policy.empty')} />;
  return <To policyId={policy.id} />;
}

function ByPeriod({ periodId }: { periodId: string }) {
  const links = useQuery(LegacyLinkPoliciesDocument);
  if (links.error && !links.data) return <LoadError error={links.error} onRetry={() => void links.refetch()} />;
  if (!links.data) return <Waiting />;
  const owner = links.data.policies.find((p) => p.status === 'PUBLISHED' && p.periods.some((q) => q.id === periodId));
  // A period of no published policy: the link is stale, the chosen policy is the best guess.
  return owner ? <To policyId={owner.id} /> : <ByChoice />;
}

/** `/dashboard/measure/:measureId`: the measure's policy. */
export function LegacyMeasureRedirect() {
  const { measureId = '' } = useParams();
  const links = useQuery(LegacyLinkPoliciesDocument);
  if (links.error && !links.data) return <LoadError error={links.error} onRetry={() => void links.refetch()} />;
  if (!links.data) return <Waiting />;
  const owner = links.data.policies.find((p) => p.status === 'PUBLISHED' && p.measures.some((m) => m.id === measureId));
  return owner ? <To policyId={owner.id} /> : <PolicyNotFound />;
}

/** `/supervision/:id`: the review's policy (the API says NOT_FOUND for a review that is not there). */
export function LegacyReviewRedirect() {
  const { id = '' } = useParams();
  const review = useQuery(LegacyReviewPolicyDocument, { variables: { id } });
  if (review.error && !review.data) {
    const code = apiErrorCode(review.error);
    return code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? (
      <PolicyNotFound />
    ) : (
      <LoadError error={review.error} onRetry={() => void review.refetch()} />
    );
  }
  if (!review.data) return <Waiting />;
  return <To policyId={review.data.supervisionReview.policyId} />;
}
