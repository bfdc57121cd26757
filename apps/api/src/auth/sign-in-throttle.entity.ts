import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted per key (`user:<name>` and `address:<ip>`), in the database so every
 * replica counts the same attempts. An attempt is counted before its password is checked (one
 * atomic upsert) and uncounted when it succeeds, so concurrent attempts cannot slip past the limit.
 * Rows an hour past their last failure are forgotten and pruned. See sign-in-throttle.ts.
 */
@Entity('sign_in_throttle')
@Index('sign_in_throttle_last_failure_idx', ['lastFailureAt'])
export class SignInThrottle {
  @PrimaryColumn('text')
  key!: string;

  @Column('int')
  failures!: number;

  @Column('timestamptz', { name: 'last_failure_at' })
  lastFailureAt!: Date;

  /** Attempts refused since the last counted one: only the first of them is audited. */
  @Column('int', { default: 0 })
  refused!: number;
}
