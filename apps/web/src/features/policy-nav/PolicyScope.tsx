import { Fragment, useEffect } from 'react';
import { Outlet } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { PolicyChoicesDocument } from '../../graphql/generated';
import { useAuth } from '../../shared/session';
import { publishedPolicy, rememberPolicy } from './policy-choice';
import { usePolicyFromRoute } from './usePolicyFromRoute';
import { PolicyNotFound } from './PolicyNotFound';

/**
 * Around the pages of one policy (`/p/:policyId/…`): the page renders at once (its own queries
 * start without waiting for the list), a policy that is not published becomes a 404 page as soon
 * as the list says so, and a published one becomes the person's remembered choice.
 */
export default function PolicyScope() {
  const { policyId } = usePolicyFromRoute();
  const { user } = useAuth();
  const choices = useQuery(PolicyChoicesDocument);
  const policy = publishedPolicy(choices.data?.policies, policyId);
  const username = user?.username;

  useEffect(() => {
    if (policy) rememberPolicy(username, policy.id);
  }, [policy, username]);

  if (choices.data && !policy) return <PolicyNotFound />;
  // Keyed by the policy: switching gives the page a fresh start (no period, dialog or choice of the
  // other policy's carried over).
  return (
    <Fragment key={policyId}>
      <Outlet />
    </Fragment>
  );
}
