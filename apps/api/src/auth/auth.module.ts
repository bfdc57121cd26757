import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { FeatureParts } from '../common/feature-parts';
import { AccountsService } from './accounts.service';
import { AppSecret } from './app-secret.entity';
import { authLoaders } from './auth.loaders';
import { AuthGuard } from './auth.guard';
import { AuthResolver, UsersResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AccountExcelController } from './excel/account-excel.controller';
import { AccountImportService } from './excel/account-import.service';
import { PasswordChangeService } from './password-change.service';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { SignInThrottle as SignInThrottleRecord } from './sign-in-throttle.entity';
import { loadTokenKey, TOKEN_KEY } from './token-key';
import { UnitAccountsService } from './unit-accounts.service';
import { User } from './user.entity';
import { UserSession } from './user-session.entity';
import { UsersService } from './users.service';

const PARTS = {
  entities: [User, AppSecret, SignInThrottleRecord, UserSession],
  resolvers: [AuthResolver, UsersResolver],
  loaders: authLoaders,
} satisfies FeatureParts;

@Module({
  controllers: [AccountExcelController],
  providers: [
    { provide: TOKEN_KEY, inject: [DataSource], useFactory: (ds: DataSource) => loadTokenKey(ds) },
    AuthService,
    SessionsService,
    SignInThrottle,
    UsersService,
    AccountsService,
    PasswordChangeService,
    UnitAccountsService,
    AccountImportService,
    ...PARTS.resolvers,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {
  static readonly parts = PARTS;
}
