import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_KINDS, AgencyKind } from '@luoshi/domain';
import { AgencyKindEnum } from '../../common/graphql-enums';

const NAME_MESSAGE = '单位名称须为 2-60 个字符';
const SHORT_MESSAGE = '简称不能超过 20 个字符';

@InputType()
export class CreateAgencyInput {
  @Field({ description: 'Full name, as the notices write it; unique in either script, spaces aside' })
  @IsString({ message: NAME_MESSAGE })
  @MaxLength(60, { message: NAME_MESSAGE })
  name!: string;

  @Field(() => AgencyKindEnum)
  @IsIn(AGENCY_KINDS, { message: '单位类型须为 DEPARTMENT(市直部门)或 COUNTY(县级政府)' })
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'How people name it in a chart (市人社局); the full name when omitted' })
  @IsOptional()
  @IsString({ message: SHORT_MESSAGE })
  @MaxLength(20, { message: SHORT_MESSAGE })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'A county’s 6-digit administrative division code; refused for a department' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: '行政区划代码须为 6 位数字' })
  regionCode?: string | null;
}

@ArgsType()
export class RenameAgencyArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field()
  @IsString({ message: NAME_MESSAGE })
  @MaxLength(60, { message: NAME_MESSAGE })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The new short name; kept as it is when omitted' })
  @IsOptional()
  @IsString({ message: SHORT_MESSAGE })
  @MaxLength(20, { message: SHORT_MESSAGE })
  shortName?: string | null;
}

@ArgsType()
export class SetAgencyActiveArgs {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field()
  @IsBoolean({ message: 'active 须为 true 或 false' })
  active!: boolean;
}

@ArgsType()
export class MergeAgenciesArgs {
  @Field(() => ID, { description: 'The unit that goes: its work moves, then it is inactive' })
  @IsString()
  fromId!: string;

  @Field(() => ID, { description: 'The unit that stays and takes the work over' })
  @IsString()
  intoId!: string;
}
