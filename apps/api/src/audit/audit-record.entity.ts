import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to data that matters (a quota, a user, a period, later reports and reviews). Written
 * in the same transaction as the change. The database refuses UPDATE, DELETE and TRUNCATE on this
 * table (trigger in the migration), so the application cannot rewrite history.
 */
@Entity('audit_record')
@Index('audit_record_entity_idx', ['entity', 'entityId'])
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
