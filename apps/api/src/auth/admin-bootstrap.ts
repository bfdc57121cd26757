import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './passwords';
import { adminExists, insertAdmin } from './users.queries';

export interface AdminBootstrap {
  created: boolean;
  /** Set when the password was generated here: it is shown once and never stored in clear. */
  generatedPassword?: string;
}

/**
 * On first start, the `admin` user with ADMIN_PASSWORD. Without it, production refuses to start and
 * other modes make a random password, printed once by the caller.
 */
export async function ensureAdmin(manager: EntityManager, env = process.env, audit = new AuditService()): Promise<AdminBootstrap> {
  if (await adminExists(manager)) return { created: false };
  let password = env.ADMIN_PASSWORD;
  let generatedPassword: string | undefined;
  if (!password) {
    if (env.NODE_ENV === 'production')
      throw new Error('ADMIN_PASSWORD must be set on the first start in production (NODE_ENV=production).');
    password = generatedPassword = randomBytes(12).toString('base64url');
  }
  const id = await insertAdmin(manager, await hashPassword(password));
  // Nobody did it (no user, no request): the start did.
  await audit.record(
    manager,
    { userId: null, username: null, requestId: null },
    { action: 'user.create', entity: 'user', entityId: id, before: null, after: { username: 'admin', role: 'ADMIN' } },
  );
  return { created: true, generatedPassword };
}
