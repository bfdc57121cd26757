import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Agency } from '../policy/agency.entity';
import { Target } from '../policy/target.entity';

@ObjectType()
export class CountyProgress {
  @Field(() => Agency)
  county!: Agency;

  @Field(() => Float, { nullable: true, description: 'The county’s quota; null where the office has set none' })
  quota!: number | null;

  @Field(() => Float)
  achieved!: number;

  @Field(() => Float)
  pending!: number;
}

@ObjectType({ description: 'Where a target stands: accepted figures (achieved), submitted ones (pending), by county' })
export class TargetProgress {
  @Field(() => Target)
  target!: Target;

  @Field(() => Float, {
    description:
      'AT_LEAST: sum of accepted figures of the target’s year up to the period. AT_MOST: the highest accepted figure of the latest period that has any',
  })
  achieved!: number;

  @Field(() => Float, { description: 'The same over submitted reports not yet reviewed' })
  pending!: number;

  @Field(() => Float, {
    description:
      'AT_LEAST: achieved / target * 100. AT_MOST: 100 at or below the ceiling, target / achieved * 100 above; 0 without accepted figures',
  })
  percent!: number;

  @Field(() => [CountyProgress], { description: 'One row per county, in division-code order' })
  byCounty!: CountyProgress[];
}
