import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../auth/user.entity';

/** An in-app notice (站内通知) for one user: what the bell in the header lists. */
@ObjectType('Notice')
@Entity('user_notice')
// The bell asks "my newest" and "my unread count" on every poll: both start from the user.
@Index('user_notice_user_created_idx', ['userId', 'createdAt'])
export class UserNotice {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Field({ description: 'What the notice is about: REPORT_CHASE, ITEM_ASSIGNED, CHASE_SUMMARY, …' })
  @Column('text')
  kind!: string;

  @Field()
  @Column('text')
  title!: string;

  @Field()
  @Column('text', { default: '' })
  body!: string;

  /** The policy the notice concerns; null for one about several policies or none. */
  @Column('uuid', { name: 'policy_id', nullable: true })
  policyId!: string | null;

  @Field(() => String, { nullable: true, description: 'A path in the web app (/tasks) the notice leads to' })
  @Column('text', { nullable: true })
  link!: string | null;

  @Field()
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}
