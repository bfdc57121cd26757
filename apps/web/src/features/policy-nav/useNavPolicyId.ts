import { useLocation } from 'react-router';
import { useAuth } from '../../shared/session';
import { useRememberedPolicyId } from './policy-choice';
import { parsePolicyPath } from './policy-routes';

/**
 * The policy the main links lead into: the one in the address, else the remembered choice; null
 * when neither (the links then go to the addresses of before, which pick the policy).
 */
export function useNavPolicyId(): string | null {
  const { pathname } = useLocation();
  const { user } = useAuth();
  const remembered = useRememberedPolicyId(user?.username);
  return parsePolicyPath(pathname)?.policyId ?? remembered;
}
