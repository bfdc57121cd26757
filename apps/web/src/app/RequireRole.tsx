import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../graphql/generated';
import { useAuth } from '../shared/session';

// Rarely shown: not part of every page's first load.
const ForbiddenResult = lazy(() => import('./ForbiddenResult'));

/**
 * Pages for signed-in users of some roles. Signed out: to the sign-in page, which brings the
 * person back here. Signed in with another role: says so (the API would refuse the data anyway).
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(user.role)) return <ForbiddenResult role={user.role} />;
  return children;
}
