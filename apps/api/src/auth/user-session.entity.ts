import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * One sign-in. Its id travels in the token (`sid`), and every request looks the session up together
 * with its user (one statement), so ending a session refuses its token on every replica at once.
 * Ended sessions keep `ended_at` and why (`SIGN_OUT`, or whatever ended them: a password change,
 * a deactivation); expired ones are pruned as new sign-ins come in.
 */
@Entity('user_session')
@Index('user_session_user_idx', ['userId'])
@Index('user_session_expires_idx', ['expiresAt'])
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  @Column('text', { name: 'ended_reason', nullable: true })
  endedReason!: string | null;

  /** The client's address and browser at sign-in, for the account's owner and the audit. */
  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
