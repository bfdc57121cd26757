import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { hashPassword } from './passwords';

export interface AdminBootstrap {
  created: boolean;
  /** Set when the password was generated here: it is shown once and never stored in clear. */
  generatedPassword?: string;
}

/**
 * On first start, the `admin` user with ADMIN_PASSWORD. Without it, production refuses to start and
 * other modes make a random password, printed once by the caller.
 */
export async function ensureAdmin(manager: EntityManager, env = process.env): Promise<AdminBootstrap> {
  const existing: unknown[] = await manager.query(`SELECT 1 FROM app_user WHERE username = 'admin'`);
  if (existing.length > 0) return { created: false };
  let password = env.ADMIN_PASSWORD;
  let generatedPassword: string | undefined;
  if (!password) {
    if (env.NODE_ENV === 'production')
      throw new Error('ADMIN_PASSWORD must be set on the first start in production (NODE_ENV=production).');
    password = generatedPassword = randomBytes(12).toString('base64url');
  }
  await manager.query(`INSERT INTO app_user (username, password_hash, role) VALUES ('admin', $1, 'ADMIN')`, [await hashPassword(password)]);
  await manager.query(
    `INSERT INTO audit_record (action, entity, entity_id, after) SELECT 'user.create', 'user', id::text, jsonb_build_object('username', username, 'role', role) FROM app_user WHERE username = 'admin'`,
  );
  return { created: true, generatedPassword };
}
