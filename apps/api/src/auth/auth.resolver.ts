import { Args, Context, Field, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { AuthService, ClientInfo } from './auth.service';
import { clientAddress, clientUserAgent } from './client-address';
import { CreateUserInput } from './dto/create-user.input';
import { CurrentUser, Public, Roles } from './roles.decorator';
import { User } from './user.entity';
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

const clientOf = (ctx: RequestContext): ClientInfo => ({ address: clientAddress(ctx.req), userAgent: clientUserAgent(ctx.req), requestId: ctx.requestId });

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Args('username') username: string, @Args('password') password: string, @Context() ctx: RequestContext): Promise<AuthPayload> {
    const signedIn = await this.auth.login(username, password, clientOf(ctx));
    return { ...signedIn, expiresAt: signedIn.expiresAt.toISOString() };
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token it is sent with: every replica refuses that token from then on' })
  async logout(@CurrentUser() user: AuthUser, @Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.logout(ctx.req, user, clientOf(ctx));
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
  constructor(private readonly usersService: UsersService) {}

  @Query(() => [User])
  users(): Promise<User[]> {
    return this.usersService.list();
  }

  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<User> {
    return this.usersService.create(actor, input, ctx);
  }
}
