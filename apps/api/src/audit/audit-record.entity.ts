import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to data that matters (a quota, a user, a period, later reports and reviews). Written
 * in the same transaction as the change. Read by the 操作日志 (audit-viewer.*, audit-export.controller.ts). The database refuses UPDATE, DELETE and TRUNCATE on this
 * table (trigger in the migration), so the application cannot rewrite history.
 */
@Entity('audit_record')
@Index('audit_record_entity_idx', ['entity', 'entityId'])
// For the 操作日志 (audit.queries.ts): newest first overall, by user, by action; each ends in (at, id)
// so a filtered page is read in order from the index, without sorting everything that matches.
@Index('audit_record_at_idx', ['at', 'id'])
@Index('audit_record_user_at_idx', ['userId', 'at', 'id'])
@Index('audit_record_action_at_idx', ['action', 'at', 'id'])
export class AuditRecord {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text', { nullable: true })
  username!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  entity!: string;

  @Column('text', { name: 'entity_id' })
  entityId!: string;

  @Column('jsonb', { nullable: true })
  before!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after!: Record<string, unknown> | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;
}
