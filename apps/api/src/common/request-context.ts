import type { Request } from 'express';
import type { Role } from '@luoshi/domain';
import type { Loaders } from './loaders';

/** The signed-in user as the rest of the API sees it. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  agencyId: string | null;
  /** A temporary password not yet changed: the guard refuses every mutation but changePassword and logout. */
  mustChangePassword?: boolean;
}

/** Built once per GraphQL request: the request, its id, its DataLoaders and (lazily) its user. */
export interface RequestContext {
  req: Request;
  requestId: string;
  loaders: Loaders;
  user?: AuthUser | null;
  userPromise?: Promise<AuthUser | null>;
  /** What the root fields that may be served again from the answer cache declared (read-cache/answer-cacheable.ts). */
  answerCache?: { fields: number; scopes: string; version: bigint; validUntil: number | null; mixed: boolean };
}
