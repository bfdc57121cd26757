import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver, UsersResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { AccountExcelController } from './excel/account-excel.controller';
import { AccountImportService } from './excel/account-import.service';
import { PasswordChangeService } from './password-change.service';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { loadTokenKey, TOKEN_KEY } from './token-key';
import { UnitAccountsService } from './unit-accounts.service';
import { UsersService } from './users.service';

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
    AuthResolver,
    UsersResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService],
})
export class AuthModule {}
