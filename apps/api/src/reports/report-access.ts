import type { AuthUser } from '../common/request-context';
import { ReportError } from './report.errors';

/**
 * Who may read and write which report. Role-level rules (only the office reviews) sit on the
 * resolver as @Roles; these are the data-level rules, in one place:
 * - a REPORTER writes only for its own agency, only on measures its agency is responsible for,
 *   and a county's reporter gives figures only for its own county;
 * - a REPORTER reads only its own agency's reports; OFFICE, LEADER and ADMIN read all;
 * - OFFICE and ADMIN may write on a unit's behalf (a unit that sent its report on paper), still
 *   only for a unit responsible for the measure; LEADER never writes.
 */
export interface WriteContext {
  agencyId: string;
  agencyKind: 'DEPARTMENT' | 'COUNTY';
  responsibleAgencyIds: ReadonlySet<string>;
}

export function assertCanWrite(user: AuthUser, ctx: WriteContext): void {
  if (user.role === 'LEADER') throw new ReportError('FORBIDDEN', '领导账号只能查看,不能填报');
  if (user.role === 'REPORTER' && user.agencyId !== ctx.agencyId) throw new ReportError('FORBIDDEN', '只能为本单位填报');
  if (!ctx.responsibleAgencyIds.has(ctx.agencyId)) {
    throw new ReportError('FORBIDDEN', '该单位不是这项措施的责任单位,不能填报', { field: 'agencyId' });
  }
}

/** A county's own reporter speaks for its county only; a department reports on any county. */
export function assertCanGiveFigureFor(user: AuthUser, ctx: WriteContext, countyId: string): void {
  if (user.role === 'REPORTER' && ctx.agencyKind === 'COUNTY' && countyId !== ctx.agencyId) {
    throw new ReportError('FORBIDDEN', '县(市、区)只能填报本地区的数据', { field: 'values', countyId });
  }
}

export function assertCanRead(user: AuthUser, reportAgencyId: string): void {
  if (user.role === 'REPORTER' && user.agencyId !== reportAgencyId) throw new ReportError('FORBIDDEN', '只能查看本单位的报告');
}
