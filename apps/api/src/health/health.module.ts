import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { AppInfoResolver } from '../app-info/app-info.resolver';

@Module({ controllers: [HealthController], providers: [AppInfoResolver] })
export class HealthModule {}
