import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Agency } from '../policy/agency.entity';
import { Policy } from '../policy/policy.entity';
import { ReportingPeriod } from '../policy/reporting-period.entity';

@ObjectType({ description: 'How many targets show each traffic light (the dashboard’s rule, 時間過半、任務過半)' })
export class TargetLights {
  @Field(() => Int) green!: number;
  @Field(() => Int) yellow!: number;
  @Field(() => Int) red!: number;
  @Field(() => Int, { description: 'Nothing to hold the figures against: a county without a quota for a count target' }) noData!: number;
}

@ObjectType({ description: 'One published policy in the leaders’ portfolio' })
export class PolicyStanding {
  @Field(() => Policy) policy!: Policy;
  @Field(() => ReportingPeriod, {
    nullable: true,
    description: 'The period its figures count to: the latest that has ended by asOf, else its first',
  })
  period!: ReportingPeriod | null;
  @Field(() => Float, { nullable: true, description: 'Share of the year elapsed at the period’s end (2024Q3: 0.75)' }) timeElapsed!:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean achieved share of its AT_LEAST targets, each capped at 1; null without such a target',
  })
  completion!: number | null;
  @Field(() => TargetLights, { description: 'Its targets’ city-wide lights for the period' }) lights!: TargetLights;
  @Field(() => [Agency], {
    description: 'Responsible units with a task for the period past its due date (extensions counted) and no report submitted',
  })
  lateUnits!: Agency[];
  @Field(() => Int, { description: 'Follow-up items (督办事项) not closed' }) openItems!: number;
  @Field(() => Int, { description: 'Open follow-up items past their due date' }) overdueItems!: number;
  @Field(() => Int, {
    description:
      'What needs attention: 3×RED + YELLOW + 2×late units + open items + round(10×max(0, timeElapsed − completion)); the list is sorted by it, highest first',
  })
  attention!: number;
}

@ObjectType({ description: 'One county across every published policy' })
export class CountyStanding {
  @Field(() => Agency) county!: Agency;
  @Field(() => TargetLights, {
    description: 'Its own figures against its quota, over every policy’s targets (as the dashboard’s county cards)',
  })
  lights!: TargetLights;
  @Field(() => Int, { description: 'The county’s own tasks past due and not submitted, over every policy' }) lateReports!: number;
  @Field(() => Int, { description: 'Policies where it has such a task' }) policiesLate!: number;
}

@ObjectType({
  description:
    'A unit’s reporting across every policy it is responsible in, for each policy’s portfolio period; only tasks past their due date count',
})
export class UnitComplianceAcrossPolicies {
  @Field(() => Agency) agency!: Agency;
  @Field(() => Int, { description: 'Published policies where it has a task for the period' }) policies!: number;
  @Field(() => Int, { description: 'Tasks past their due date (extensions counted)' }) due!: number;
  @Field(() => Int) onTime!: number;
  @Field(() => Int, { description: 'Submitted after the due date' }) late!: number;
  @Field(() => Int, { description: 'Not submitted' }) missing!: number;
  @Field(() => Float, { nullable: true, description: 'onTime / due; null while nothing is due' }) onTimeRate!: number | null;
}
