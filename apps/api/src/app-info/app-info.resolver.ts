import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { DEMO_MARKER } from '../demo/demo-data';
import { demoDataMarked } from './app-info.queries';

@ObjectType()
export class AppInfo {
  @Field({ description: 'The database holds generated demo data: the UI must say so' })
  demoData!: boolean;
}

@Resolver(() => AppInfo)
export class AppInfoResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => AppInfo)
  async appInfo(): Promise<AppInfo> {
    return { demoData: await demoDataMarked(this.dataSource, DEMO_MARKER) };
  }
}
