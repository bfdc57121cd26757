import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@luoshi/domain';
import type { AuthUser, RequestContext } from '../common/request-context';

export const ROLES_KEY = 'luoshi:roles';
export const PUBLIC_KEY = 'luoshi:public';

/** Only these roles may call the resolver (class) or operation (method). Implies sign-in. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Anyone may call it, signed in or not (sign-in itself). Mutations are otherwise sign-in only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The signed-in user (the guard has checked sign-in where the operation requires it). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | null => {
  return GqlExecutionContext.create(ctx).getContext<RequestContext>().user ?? null;
});
