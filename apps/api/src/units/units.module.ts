import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { AgencyMergeService } from './agency-merge';
import { AgencyMergedIntoResolver, UnitsResolver } from './units.resolver';
import { UnitsService } from './units.service';

const PARTS = { resolvers: [UnitsResolver, AgencyMergedIntoResolver] } satisfies FeatureParts;

@Module({ providers: [UnitsService, AgencyMergeService, ...PARTS.resolvers] })
export class UnitsModule {
  static readonly parts = PARTS;
}
