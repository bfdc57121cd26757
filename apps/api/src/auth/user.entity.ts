import { RoleEnum } from '../common/graphql-enums';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@luoshi/domain';
import { Agency } from '../policy/agency.entity';

@ObjectType()
@Entity('app_user')
@Check('app_user_role_check', `"role" IN ('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')`)
@Check('app_user_reporter_agency_check', `("role" = 'REPORTER') = ("agency_id" IS NOT NULL)`)
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased so that sign-in ignores case and two accounts cannot differ by case only. */
  @Field()
  @Index('app_user_username_key', { unique: true })
  @Column('text')
  username!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Field(() => RoleEnum)
  @Column('text')
  role!: Role;

  /** The person's name (姓名), so that a printed list or the audit says who holds the account. */
  @Field(() => String, { nullable: true, description: 'The person’s name (姓名), at most 50 characters' })
  @Column('text', { name: 'display_name', nullable: true })
  displayName!: string | null;

  /** Stored as written after tidying: 11 digits for a mobile, 区号-号码 for a landline (contact-rules.ts). */
  @Field(() => String, { nullable: true, description: 'A mainland mobile (11 digits) or a landline with its area code (0750-3201234)' })
  @Column('text', { nullable: true })
  phone!: string | null;

  @Index('app_user_agency_idx')
  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  /** A deactivated account cannot sign in and its tokens are refused (setUserActive); kept for the audit. */
  @Field({ description: 'false: cannot sign in, and its tokens are refused' })
  @Column('boolean', { default: true })
  active!: boolean;

  /** Set with a temporary password (reset, unit accounts): every mutation but changePassword and logout is refused until then. */
  @Field({ description: 'true: the account has a temporary password and must change it before doing anything else' })
  @Column('boolean', { name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @Field(() => Date, { nullable: true, description: 'The last successful sign-in' })
  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true })
  lastSignInAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
