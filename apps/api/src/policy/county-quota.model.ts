import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Agency } from './agency.entity';

/** A county's share of a target; `quota` is null where the office has set none. */
@ObjectType()
export class CountyQuota {
  @Field(() => Agency)
  county!: Agency;

  @Field(() => Float, { nullable: true })
  quota!: number | null;
}
