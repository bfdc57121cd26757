import { useParams } from 'react-router';

/**
 * The policy a page is about, from its address (`/p/:policyId/…`). PolicyScope, around every such
 * page, has already turned an unknown or draft id into a 404, so pages only read the id.
 */
export function usePolicyFromRoute(): { policyId: string } {
  const { policyId = '' } = useParams();
  return { policyId };
}
