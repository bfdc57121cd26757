import { Args, Context, Field, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser, RequestContext } from '../common/request-context';
import { Agency } from '../policy/agency.entity';
import { AuthService } from './auth.service';
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

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Args('username') username: string, @Args('password') password: string): Promise<AuthPayload> {
    const signedIn = await this.auth.login(username, password);
    return { ...signedIn, expiresAt: signedIn.expiresAt.toISOString() };
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
