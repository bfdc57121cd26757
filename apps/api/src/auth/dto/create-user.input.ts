import { RoleEnum } from '../../common/graphql-enums';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@luoshi/domain';

@InputType()
export class CreateUserInput {
  @Field()
  @IsString()
  @Matches(/^[\p{L}\p{N}_.@-]{2,64}$/u, { message: '用户名须为 2-64 个字母、数字或 _ . @ -' })
  username!: string;

  @Field()
  @IsString()
  @MinLength(8, { message: '密码至少 8 位' })
  @MaxLength(200, { message: '密码过长' })
  password!: string;

  @Field(() => RoleEnum, { description: 'ADMIN, OFFICE, LEADER or REPORTER' })
  @IsIn(ROLES, { message: '角色须为 ADMIN、OFFICE、LEADER 或 REPORTER' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for a REPORTER, refused for any other role' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId 不是有效的单位编号' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'The person’s name (姓名), at most 50 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '姓名过长' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'A mainland mobile (11 digits) or a landline with its area code' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: '手机号码过长' })
  phone?: string | null;
}
