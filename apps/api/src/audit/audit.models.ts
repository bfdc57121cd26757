import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuditKind } from '@luoshi/domain';
import { AuditKindEnum, type AuditQuery } from './audit-filter';
import type { AuditRow } from './audit.queries';

/** One audit record as the 操作日志 shows it: who, when, what (in words), on what, before and after. */
@ObjectType('AuditRecord')
export class AuditRecordView {
  @Field(() => ID) id!: string;

  @Field({ description: 'When (UTC instant)' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who, as they were called then; null for a failed sign-in or the system' })
  username!: string | null;

  /** For the `user` field (resolved through the loader: null once the account is gone). */
  userId!: string | null;

  @Field({ description: 'The action as recorded (report.submit, SIGN_IN, …)' })
  action!: string;

  @Field({ description: 'The action in words (simplified Chinese; the web shows its own language from the same table)' })
  label!: string;

  @Field(() => AuditKindEnum)
  kind!: AuditKind;

  @Field({ description: 'The kind of thing changed (progress_report, user, …)' })
  entity!: string;

  @Field({ description: 'The kind of thing changed, in words' })
  entityLabel!: string;

  @Field()
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'The state before, as JSON text (credentials were masked when recorded)' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The state after, as JSON text' })
  after!: string | null;

  @Field(() => String, { nullable: true, description: 'The request that made the change (X-Request-Id)' })
  requestId!: string | null;

  /** Kept for the export: the actor's unit name. */
  actorUnit!: string | null;
}

/** A page of records, newest first, and where the next one starts. */
@ObjectType('AuditPage')
export class AuditPageView {
  @Field(() => [AuditRecordView])
  records!: AuditRecordView[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;

  /** For `totalCount`, counted only when asked for (once, however many count fields are asked). */
  query!: AuditQuery;
  counted?: Promise<{ count: number; capped: boolean }>;
}

export type { AuditRow };
