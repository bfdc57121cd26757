import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * While the account has a temporary password, every page but the change itself (and the sign-in
 * page) leads to /change-password; the API refuses every other mutation anyway. `mustChange` comes
 * from the sign-in's answer, or from `me` when the flag was set since (a reset by the office).
 */
export function useForcedPasswordChange(mustChange: boolean): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    if (mustChange && pathname !== CHANGE_PASSWORD_PATH && pathname !== '/login') {
      navigate(CHANGE_PASSWORD_PATH, { replace: true, state: { from: pathname } });
    }
  }, [mustChange, pathname, navigate]);
}
