import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, Role } from '@luoshi/domain';
import { RoleEnum } from '../../common/graphql-enums';

@InputType({ description: 'What changes (a field left out stays as it is)' })
export class UpdateUserInput {
  @Field(() => RoleEnum, { nullable: true, description: 'Only an ADMIN gives the ADMIN role; leaving REPORTER drops the unit' })
  @IsOptional()
  @IsIn(ROLES, { message: '角色须为 ADMIN、OFFICE、LEADER 或 REPORTER' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'The unit of a REPORTER (required for one, refused for any other role)' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId 不是有效的单位编号' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The person’s name (姓名), at most 50 characters; empty or null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '姓名过长' })
  displayName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A mainland mobile (11 digits) or a landline with its area code; empty or null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: '手机号码过长' })
  phone?: string | null;
}

/** The users list's filters (each optional). */
export interface UsersFilter {
  search?: string | null;
  role?: Role | null;
  agencyId?: string | null;
  active?: boolean | null;
}
