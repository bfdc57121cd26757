import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@luoshi/domain';
import type { RequestContext } from '../common/request-context';
import { notAllowed, signInRequired } from './auth.errors';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * The one place that decides who may call what. Queries are open unless @Roles says otherwise;
 * every mutation needs a signed-in user unless it is @Public (sign-in itself). @Roles on the
 * resolver class or the operation limits it to those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    ctx.userPromise ??= this.auth.userFromRequest(ctx.req);
    const user = (ctx.user = await ctx.userPromise);

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const isMutation = gql.getInfo().parentType.name === 'Mutation';
    if ((roles || isMutation) && !user) throw signInRequired();
    if (roles && user && !roles.includes(user.role)) throw notAllowed();
    return true;
  }
}
