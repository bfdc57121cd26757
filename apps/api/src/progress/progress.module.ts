import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';

const PARTS = { resolvers: [ProgressResolver] } satisfies FeatureParts;

@Module({ providers: [ProgressService, ...PARTS.resolvers], exports: [ProgressService] })
export class ProgressModule {
  static readonly parts = PARTS;
}
