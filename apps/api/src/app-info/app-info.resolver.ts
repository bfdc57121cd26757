import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { DEMO_MARKER } from '../demo/demo-data';

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
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM app_secret WHERE name = $1`, [DEMO_MARKER]);
    return { demoData: rows.length > 0 };
  }
}
