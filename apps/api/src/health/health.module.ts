import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { Lifecycle } from './lifecycle';
import { AppInfoResolver } from '../app-info/app-info.resolver';

@Module({ controllers: [HealthController], providers: [AppInfoResolver, Lifecycle], exports: [Lifecycle] })
export class HealthModule {}
