import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { HealthController } from './health.controller';
import { Lifecycle } from './lifecycle';
import { AppInfoResolver } from '../app-info/app-info.resolver';

/** The app's own information (version, time) is answered here too. */
const PARTS = { resolvers: [AppInfoResolver] } satisfies FeatureParts;

@Module({ controllers: [HealthController], providers: [...PARTS.resolvers, Lifecycle], exports: [Lifecycle] })
export class HealthModule {
  static readonly parts = PARTS;
}
