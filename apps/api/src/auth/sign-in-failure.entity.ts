import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed sign-ins, kept in the database so that every replica counts the same attempts. Rows older
 * than the window are removed as new ones come in.
 */
@Entity('sign_in_failure')
@Index('sign_in_failure_username_at_idx', ['username', 'at'])
export class SignInFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  username!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;
}
