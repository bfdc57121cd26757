import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Role } from '@luoshi/domain';
import type { AuthUser, RequestContext } from '../common/request-context';
import { notAllowed, signInRequired } from './auth.errors';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Where the guard keeps the user of a plain HTTP request (file uploads and downloads). */
export type RequestWithUser = Request & { user?: AuthUser | null };

/**
 * The one place that decides who may call what.
 * - GraphQL: queries are open unless @Roles says otherwise; every mutation needs a signed-in user
 *   unless it is @Public (sign-in itself).
 * - HTTP routes (exports, attachments): signed-in only, unless @Public (health checks).
 * @Roles on the class or the handler limits it to those roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    let user: AuthUser | null;
    let signInNeeded: boolean;
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const ctx = gql.getContext<RequestContext>();
      ctx.userPromise ??= this.auth.userFromRequest(ctx.req);
      user = ctx.user = await ctx.userPromise;
      signInNeeded = gql.getInfo().parentType.name === 'Mutation';
    } else {
      const req = context.switchToHttp().getRequest<RequestWithUser>();
      if (isPublic) return true; // health checks answer without looking at headers
      user = req.user = await this.auth.userFromRequest(req);
      signInNeeded = true;
    }
    if (isPublic) return true;
    if ((roles || signInNeeded) && !user) throw signInRequired();
    if (roles && user && !roles.includes(user.role)) throw notAllowed();
    return true;
  }
}
