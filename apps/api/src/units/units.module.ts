import { Module } from '@nestjs/common';
import { AgencyMergeService } from './agency-merge';
import { AgencyMergedIntoResolver, UnitsResolver } from './units.resolver';
import { UnitsService } from './units.service';

@Module({ providers: [UnitsService, AgencyMergeService, UnitsResolver, AgencyMergedIntoResolver] })
export class UnitsModule {}
