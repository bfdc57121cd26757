import { NavLink, useLocation } from 'react-router';
import type { Role } from '../graphql/generated';
import { useAuth } from '../shared/session';
import { useI18n, type MessageKey } from '../shared/i18n';
import { dashboardPath, policyHomePath, supervisionPath } from '../features/policy-nav/policy-routes';
import { useNavPolicyId } from '../features/policy-nav/useNavPolicyId';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Roles that see the item; every signed-in user when absent. */
  roles?: readonly Role[];
  testId: string;
  /** Other pages that belong to the item (the form belongs to 我的填报). */
  alsoActiveUnder?: readonly string[];
  /** The item's page of one policy (the address then carries the policy; `to` when none is known). */
  policyPath?: (policyId: string) => string;
}

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.policy', testId: 'nav-policy', policyPath: policyHomePath },
  { to: '/tasks', label: 'nav.tasks', roles: ['REPORTER'], testId: 'nav-tasks', alsoActiveUnder: ['/report/'] },
  { to: '/review', label: 'nav.review', roles: ['OFFICE', 'ADMIN'], testId: 'nav-review' },
  { to: '/portfolio', label: 'nav.portfolio', roles: ['LEADER', 'OFFICE', 'ADMIN'], testId: 'nav-portfolio' },
  { to: '/dashboard', label: 'nav.dashboard', testId: 'nav-dashboard', policyPath: (id) => dashboardPath(id) },
  {
    to: '/supervision',
    label: 'nav.supervision',
    roles: ['OFFICE', 'ADMIN', 'LEADER'],
    testId: 'nav-supervision',
    policyPath: (id) => supervisionPath(id),
  },
  { to: '/chasing', label: 'nav.chasing', roles: ['OFFICE', 'ADMIN'], testId: 'nav-chasing' },
  { to: '/supervision/items', label: 'nav.supervisionItems', roles: ['REPORTER'], testId: 'nav-supervision-items' },
  { to: '/admin', label: 'nav.admin', roles: ['OFFICE', 'ADMIN'], testId: 'nav-admin' },
];

/** The pages the signed-in user works in. Plain links (antd's Menu would add ~20 KB to the first load). */
export function MainNav({ className }: { className?: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const policyId = useNavPolicyId();
  if (!user) return null;
  const items = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role));
  if (items.length < 2) return null; // the brand already links to the policy page
  return (
    <nav className={['ls-nav', className].filter(Boolean).join(' ')} aria-label={t('nav.label')}>
      {items.map((item) => (
        <NavLink
          key={item.to}
          to={item.policyPath && policyId ? item.policyPath(policyId) : item.to}
          end={item.to === '/'}
          data-testid={item.testId}
          className={({ isActive }) =>
            isActive || item.alsoActiveUnder?.some((prefix) => pathname.startsWith(prefix))
              ? 'ls-nav-link ls-nav-link-active'
              : 'ls-nav-link'
          }
        >
          {t(item.label)}
        </NavLink>
      ))}
    </nav>
  );
}
