import { dashboardPath } from '../policy-nav';

/**
 * Where sign-in leads: back to where the user came from; else to the person's own work — a
 * reporter to 我的填报 (/tasks), the office (and an admin) to the review queue (/review), a leader
 * to the dashboard: the portfolio when several policies are published, the one policy's own
 * dashboard when there is one (the portfolio too while the list is unknown or empty).
 */
export function landingPage(cameFrom: string | null, role: string, publishedPolicyIds: readonly string[] = []): string {
  if (cameFrom) return cameFrom;
  switch (role) {
    case 'REPORTER':
      return '/tasks';
    case 'OFFICE':
    case 'ADMIN':
      return '/review';
    case 'LEADER':
      return publishedPolicyIds.length === 1 ? dashboardPath(publishedPolicyIds[0]) : '/portfolio';
    default:
      return '/';
  }
}
