import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Role } from '@luoshi/domain';
import type { AuthUser, RequestContext } from '../common/request-context';
import { mustChangePassword, notAllowed, signInRequired } from './auth.errors';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** What a user with a temporary password may still do (GraphQL mutations); reading stays open. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['changePassword', 'logout']);
/** HTTP methods that only read (downloads): the rest (uploads) wait for the password change too. */
const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where the guard keeps the user of a plain HTTP request (file uploads and downloads). */
export type RequestWithUser = Request & { user?: AuthUser | null };

/**
 * The one place that decides who may call what.
 * - GraphQL: queries are open unless @Roles says otherwise; every mutation needs a signed-in user
 *   unless it is @Public (sign-in itself).
 * - HTTP routes (exports, attachments): signed-in only, unless @Public (health checks).
 * @Roles on the class or the handler limits it to those roles.
 * - A user whose password is temporary (mustChangePassword) may read, change the password and sign
 *   out; every other mutation and upload is refused here, so a new one cannot forget the rule.
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
    let writesWhilePasswordTemporary: boolean;
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const ctx = gql.getContext<RequestContext>();
      ctx.userPromise ??= this.auth.userFromRequest(ctx.req);
      user = ctx.user = await ctx.userPromise;
      const info = gql.getInfo();
      signInNeeded = info.parentType.name === 'Mutation';
      writesWhilePasswordTemporary = signInNeeded && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(info.fieldName);
    } else {
      const req = context.switchToHttp().getRequest<RequestWithUser>();
      if (isPublic) return true; // health checks answer without looking at headers
      user = req.user = await this.auth.userFromRequest(req);
      signInNeeded = true;
      writesWhilePasswordTemporary = !READING_METHODS.has(req.method);
    }
    if (isPublic) return true;
    if (user?.mustChangePassword && writesWhilePasswordTemporary) throw mustChangePassword();
    if ((roles || signInNeeded) && !user) throw signInRequired();
    if (roles && user && !roles.includes(user.role)) throw notAllowed();
    return true;
  }
}
