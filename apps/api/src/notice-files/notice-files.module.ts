import { Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { NoticeFilesController } from './notice-files.controller';

/** Uploaded notice files turned into text (POST /notices/extract-text). */
@Module({ controllers: [NoticeFilesController] })
export class NoticeFilesModule {
  /** No table, no GraphQL: a controller only. */
  static readonly parts: FeatureParts = {};
}
