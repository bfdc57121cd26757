import { Args, Context, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Role } from '@luoshi/domain';
import { RoleEnum } from '../common/graphql-enums';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { AccountsService } from './accounts.service';
import { AuthService, ClientInfo } from './auth.service';
import { clientAddress, clientUserAgent } from './client-address';
import { UpdateUserInput } from './dto/account.inputs';
import { CreateUserInput } from './dto/create-user.input';
import { PasswordChangeService } from './password-change.service';
import { CurrentUser, Public, Roles } from './roles.decorator';
import { User } from './user.entity';
import { UnitAccountsService } from './unit-accounts.service';
import { UsersService } from './users.service';

@ObjectType()
class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @Field({ description: 'ISO timestamp after which the token is refused' })
  expiresAt!: string;

  @Field(() => User)
  user!: User;
}

@ObjectType({ description: 'A temporary password, shown this once: only its hash is kept' })
class PasswordReset {
  @Field()
  temporaryPassword!: string;

  @Field(() => User)
  user!: User;
}

@ObjectType({ description: 'A unit’s new REPORTER account with its temporary password, shown this once' })
class UnitAccount {
  @Field()
  temporaryPassword!: string;

  @Field(() => User)
  user!: User;
}

const clientOf = (ctx: RequestContext): ClientInfo => ({
  address: clientAddress(ctx.req),
  userAgent: clientUserAgent(ctx.req),
  requestId: ctx.requestId,
});

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordChangeService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload)
  async login(
    @Args('username') username: string,
    @Args('password') password: string,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const signedIn = await this.auth.login(username, password, clientOf(ctx));
    return { ...signedIn, expiresAt: signedIn.expiresAt.toISOString() };
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token it is sent with: every replica refuses that token from then on' })
  async logout(@CurrentUser() user: AuthUser, @Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(ctx.req, user, clientOf(ctx));
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Changes the signed-in user’s password (the current one is required) and ends every session of the user, this one included: sign in again with the new password',
  })
  async changePassword(
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    await this.passwords.change(user, currentPassword, newPassword, clientOf(ctx));
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  me(@CurrentUser() user: AuthUser | null, @Context() ctx: RequestContext): Promise<User> | null {
    return user ? ctx.loaders.user.load(user.id) : null;
  }

  @ResolveField(() => Agency, { nullable: true })
  agency(@Parent() user: User, @Context() ctx: RequestContext): Promise<Agency> | null {
    return user.agencyId ? ctx.loaders.agency.load(user.agencyId) : null;
  }
}

@Roles('ADMIN', 'OFFICE')
@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly accounts: AccountsService,
    private readonly unitAccounts: UnitAccountsService,
  ) {}

  @Query(() => [User], {
    description: 'Accounts by role, then username; every filter optional (search: username or unit name, either script)',
  })
  users(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('role', { type: () => RoleEnum, nullable: true }) role: Role | null,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null,
    @Args('active', { type: () => Boolean, nullable: true }) active: boolean | null,
  ): Promise<User[]> {
    return this.accounts.list({ search, role, agencyId, active });
  }

  @Mutation(() => User, {
    description: 'A new role or unit; ends that user’s sessions. Only an ADMIN touches or makes an ADMIN; nobody changes their own',
  })
  updateUser(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<User> {
    return this.accounts.update(actor, id, input, ctx);
  }

  @Mutation(() => User, { description: 'false ends every session of the user at once and refuses its sign-in; true lets it sign in again' })
  setUserActive(
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<User> {
    return this.accounts.setActive(actor, id, active, ctx);
  }

  @Mutation(() => PasswordReset, {
    description: 'A temporary password, returned this once; the user must change it at the next sign-in; ends its sessions',
  })
  resetPassword(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<PasswordReset> {
    return this.accounts.resetPassword(actor, id, ctx);
  }

  @Mutation(() => [UnitAccount], {
    description:
      'A REPORTER account for every unit responsible for a measure of the policy that has no active reporter yet; calling again creates nothing',
  })
  createUnitAccounts(
    @Args('policyId', { type: () => ID }) policyId: string,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<UnitAccount[]> {
    return this.unitAccounts.create(actor, policyId, ctx);
  }

  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<User> {
    return this.usersService.create(actor, input, ctx);
  }
}
