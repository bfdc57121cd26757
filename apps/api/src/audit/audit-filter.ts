import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUDIT_KINDS, AuditKind, isCalendarDate } from '@luoshi/domain';
import { AuditError } from './audit.errors';

export const AuditKindEnum = Object.fromEntries(AUDIT_KINDS.map((k) => [k, k])) as { [K in AuditKind]: K };
registerEnumType(AuditKindEnum, {
  name: 'AuditKind',
  description: 'ACCOUNT: 账号与登录; REPORTING: 填报与审核; SUPERVISION: 督查督办; SETTINGS: 政策与设置; OTHER: none of these',
});

/** What the office narrows the audit to; every field optional, all of them together (AND). */
@InputType()
export class AuditFilter {
  @Field(() => String, {
    nullable: true,
    description: 'The acting user: an id or a username (a username also finds failed sign-ins under that name)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '用户不能超过 100 个字符' })
  user?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A unit: records of its users, and records about its reports, items, quotas, robot and accounts',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '单位编号不能超过 100 个字符' })
  agencyId?: string | null;

  @Field(() => AuditKindEnum, { nullable: true })
  @IsOptional()
  @IsIn([...AUDIT_KINDS], { message: '操作类别无效' })
  kind?: AuditKind | null;

  @Field(() => String, { nullable: true, description: 'One action exactly (e.g. report.submit, SIGN_IN)' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '操作不能超过 100 个字符' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'The kind of thing changed (progress_report, user, …)' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '对象类型不能超过 100 个字符' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: 'The id of the thing changed' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '对象编号不能超过 200 个字符' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'First day, China time (ISO date, 2024-10-01), inclusive' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: '开始日期格式须为 YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, China time (ISO date), inclusive' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: '结束日期格式须为 YYYY-MM-DD' })
  to?: string | null;
}

/** A filter checked and put in the form the SQL takes (audit.queries.ts). */
export interface AuditQuery {
  userId?: string;
  username?: string;
  agencyId?: string;
  kind?: AuditKind;
  action?: string;
  entity?: string;
  entityId?: string;
  /** Inclusive start and exclusive end, as ISO instants (China midnight). */
  fromInstant?: string;
  toInstant?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const bad = (field: string, message: string) => new AuditError('BAD_USER_INPUT', message, { field });
const text = (value: string | null | undefined) => (value ?? '').trim() || undefined;

/** The day after an ISO date (calendar arithmetic in UTC, so no time zone shifts it). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function checkDate(value: string | undefined, field: string, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) throw bad(field, `${what}格式须为 YYYY-MM-DD，且为有效日期`);
  return value;
}

/**
 * Checks a filter (from GraphQL or an export's query string) and turns it into an AuditQuery.
 * Dates are China dates: `from` starts at 00:00 Beijing time, `to` includes the whole day.
 */
export function toAuditQuery(filter: Partial<AuditFilter> | null | undefined): AuditQuery {
  const f = filter ?? {};
  const query: AuditQuery = {};
  const user = text(f.user);
  if (user && user.length > 100) throw bad('user', '用户不能超过 100 个字符');
  if (user) {
    if (UUID.test(user)) query.userId = user.toLowerCase();
    else query.username = user.toLowerCase();
  }
  const agencyId = text(f.agencyId);
  if (agencyId) {
    if (!UUID.test(agencyId)) throw bad('agencyId', '单位编号无效');
    query.agencyId = agencyId.toLowerCase();
  }
  if (f.kind) {
    if (!(AUDIT_KINDS as readonly string[]).includes(f.kind)) throw bad('kind', '操作类别无效');
    query.kind = f.kind;
  }
  for (const [field, max, what] of [
    ['action', 100, '操作'],
    ['entity', 100, '对象类型'],
    ['entityId', 200, '对象编号'],
  ] as const) {
    const value = text(f[field]);
    if (value && value.length > max) throw bad(field, `${what}不能超过 ${max} 个字符`);
    if (value) query[field] = value;
  }
  const from = checkDate(text(f.from), 'from', '开始日期');
  const to = checkDate(text(f.to), 'to', '结束日期');
  if (from && to && from > to) throw bad('from', '开始日期不能晚于结束日期');
  if (from) query.fromInstant = `${from}T00:00:00+08:00`;
  if (to) query.toInstant = `${nextDay(to)}T00:00:00+08:00`;
  return query;
}

/** A page's position: the last record's exact time (microseconds, UTC) and id, opaque to clients. */
export interface AuditCursor {
  at: string;
  id: string;
}

export const encodeCursor = (c: AuditCursor) => Buffer.from(JSON.stringify([c.at, c.id]), 'utf8').toString('base64url');

export function decodeCursor(after: string | null | undefined): AuditCursor | null {
  if (after === null || after === undefined || after === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      // Checked so that nothing malformed reaches PostgreSQL (a cast error would be a 500): a real
      // instant (round-trips through Date), an id that fits a bigint.
      const real =
        typeof at === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) &&
        new Date(`${at.slice(0, 23)}Z`).toISOString().slice(0, 19) === at.slice(0, 19);
      if (real && (at as string) >= '1970' && typeof id === 'string' && /^\d{1,18}$/.test(id)) return { at: at as string, id };
    }
  } catch {
    // fall through: a cursor the server did not make
  }
  throw bad('after', '分页位置无效，请从第一页重新查询');
}

export const MAX_PAGE = 200;

export function checkFirst(first: number | null | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw bad('first', `每页条数须在 1 到 ${MAX_PAGE} 之间`);
  return n;
}
