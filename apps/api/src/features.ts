import type { DataSource } from 'typeorm';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChasingModule } from './chasing/chasing.module';
import type { FeatureModule } from './common/feature-parts';
import { createLoaders, LoaderFactory, Loaders } from './common/loaders';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { NoticeFilesModule } from './notice-files/notice-files.module';
import { PolicyModule } from './policy/policy.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { ProgressModule } from './progress/progress.module';
import { ReportsModule } from './reports/reports.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UnitsModule } from './units/units.module';

/**
 * The features the app is made of: the one list to change when a feature comes or goes. Each module
 * declares its own parts (common/feature-parts.ts); what the whole app needs is composed from them here.
 */
export const FEATURE_MODULES = [
  AuditModule,
  HealthModule,
  AuthModule,
  PolicyModule,
  NoticeFilesModule,
  ReportsModule,
  ProgressModule,
  AttachmentsModule,
  DashboardModule,
  PortfolioModule,
  ChasingModule,
  SupervisionModule,
  UnitsModule,
] as const satisfies readonly FeatureModule[];

const FEATURES: readonly FeatureModule[] = FEATURE_MODULES;

/** Every mapped table: the DataSource (so the app, the migration generator and Jest) sees this set. */
export const ENTITIES = FEATURES.flatMap((m) => m.parts.entities ?? []);

/** Every resolver class: the schema printer sees this set, the running server the same through the modules. */
export const RESOLVERS = FEATURES.flatMap((m) => m.parts.resolvers ?? []);

const LOADER_FACTORIES = FEATURES.flatMap((m) => (m.parts.loaders ? [m.parts.loaders] : []));

/** Built once per GraphQL request (the request context's `loaders`). */
export function createRequestLoaders(ds: DataSource): Loaders {
  return createLoaders(ds, LOADER_FACTORIES);
}

// Compile-time check: the features' loader factories together build every loader that Loaders
// declares, so a feature whose loaders are declared but not in its parts (or not listed above) fails here.
type LoadersBuilt = AllOf<ReturnType<Extract<(typeof FEATURE_MODULES)[number]['parts'], { loaders: LoaderFactory }>['loaders']>>;
type AllOf<U> = (U extends unknown ? (u: U) => void : never) extends (all: infer I) => void ? I : never;
const everyLoaderBuilt: LoadersBuilt extends Loaders ? true : never = true;
void everyLoaderBuilt;
