import type { AdminUsersQueryVariables, Role } from '../../graphql/generated';

export interface AccountFilters {
  search: string;
  role: Role | null;
  agencyId: string | null;
  /** 'all', or only active / only deactivated accounts. */
  active: 'all' | 'active' | 'inactive';
}

export const NO_FILTERS: AccountFilters = { search: '', role: null, agencyId: null, active: 'all' };

/** The users query's variables: a filter left empty is not sent. */
export function accountsVariables(f: AccountFilters): AdminUsersQueryVariables {
  const search = f.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.agencyId ? { agencyId: f.agencyId } : {}),
    ...(f.active === 'all' ? {} : { active: f.active === 'active' }),
  };
}

/** Roles the signed-in person may give: only an administrator makes an administrator. */
export function assignableRoles(actorRole: Role): Role[] {
  const all: Role[] = ['ADMIN', 'OFFICE', 'LEADER', 'REPORTER'];
  return actorRole === 'ADMIN' ? all : all.filter((r) => r !== 'ADMIN');
}

/** Whether the signed-in person may change, deactivate or reset this account (the API's rules, to hide what it would refuse). */
export function canManage(actor: { id: string; role: Role }, account: { id: string; role: Role }): boolean {
  if (actor.id === account.id) return false;
  return account.role !== 'ADMIN' || actor.role === 'ADMIN';
}

/** A moment as the people reading it write it: local date and time to the minute (2024-10-08 09:30). */
export function formatMoment(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
