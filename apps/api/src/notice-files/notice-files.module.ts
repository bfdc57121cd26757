import { Module } from '@nestjs/common';
import { NoticeFilesController } from './notice-files.controller';

/** Uploaded notice files turned into text (POST /notices/extract-text). */
@Module({ controllers: [NoticeFilesController] })
export class NoticeFilesModule {}
