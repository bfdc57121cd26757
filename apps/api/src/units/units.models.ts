import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Agency } from '../policy/agency.entity';

@ObjectType({ description: 'A unit as the office manages it: how many accounts and responsibilities it has' })
export class AgencyStats {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => Int, { description: 'Accounts (reporters) of the unit' })
  accounts!: number;

  @Field(() => Int, { description: 'Measures the unit is responsible for, over every policy' })
  responsibilities!: number;
}

@ObjectType({ description: 'Something both units hold that a merge cannot join: the merge is refused while it exists' })
export class AgencyMergeConflict {
  @Field({
    description:
      'REPORT: both units reported on one measure for one period; FIGURE: one report gives figures for both counties on one target',
  })
  kind!: string;

  @Field()
  docNumber!: string;

  @Field()
  periodLabel!: string;

  @Field(() => Int)
  measureSeq!: number;

  @Field()
  measureTitle!: string;

  @Field(() => String, { nullable: true, description: 'FIGURE: the target' })
  targetName!: string | null;

  @Field(() => String, { nullable: true, description: 'FIGURE: the unit whose report it is' })
  reportingAgencyName!: string | null;
}

@ObjectType({ description: 'What mergeAgencies would move from one unit to the other' })
export class AgencyMergePreview {
  @Field(() => Agency)
  from!: Agency;

  @Field(() => Agency)
  into!: Agency;

  @Field(() => Int, { description: 'Responsibilities that move' })
  responsibilities!: number;

  @Field(() => Int, { description: 'Of those, measures both units are responsible for: they become one (LEAD if either was)' })
  sharedResponsibilities!: number;

  @Field(() => Int)
  reports!: number;

  @Field(() => Int, { description: 'Figures given for the county that goes (county merges only)' })
  figures!: number;

  @Field(() => Int, { description: 'Attachments of the reports that move' })
  attachments!: number;

  @Field(() => Int)
  supervisionItems!: number;

  @Field(() => Int)
  accounts!: number;

  @Field(() => Int, { description: 'County quotas that move (added to the other county’s where both have one)' })
  quotas!: number;

  @Field({ description: 'The unit that goes has a group robot address; it moves unless the other unit has one (then it is dropped)' })
  webhook!: boolean;

  @Field(() => [AgencyMergeConflict], { description: 'Empty when the merge can go ahead' })
  conflicts!: AgencyMergeConflict[];
}
