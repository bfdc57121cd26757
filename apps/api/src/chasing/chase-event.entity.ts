import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One thing chased, once: its key (report-overdue:<period>:<measure>:<agency>, item-due-soon:<item>)
 * is the primary key, and the run whose INSERT … ON CONFLICT DO NOTHING returns it is the only one
 * that notifies, in the same transaction. That is what keeps several API replicas from sending twice.
 */
@Entity('chase_event')
export class ChaseEvent {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  kind!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
