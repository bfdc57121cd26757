import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/request-context';
import { badCredentials, tokenRejected, tooManyAttempts } from './auth.errors';
import { verifyAgainstNobody, verifyPassword } from './passwords';
import { TOKEN_KEY } from './token-key';
import { signToken, verifyToken } from './tokens';
import { User } from './user.entity';

export const TOKEN_TTL_SECONDS = Number(process.env.TOKEN_TTL_HOURS ?? 12) * 3600;

/** Ten wrong passwords for one username within 15 minutes lock that username for the rest of the window. */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW = '15 minutes';

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TOKEN_KEY) private readonly tokenKey: string,
  ) {}

  async login(username: string, password: string): Promise<SignedIn> {
    const name = username.trim().toLowerCase();
    const [{ failures }] = await this.dataSource.query(
      `SELECT count(*)::int AS failures FROM sign_in_failure WHERE username = $1 AND at > now() - $2::interval`,
      [name, FAILURE_WINDOW],
    );
    if (failures >= MAX_FAILURES) throw tooManyAttempts();
    const user = await this.dataSource.getRepository(User).findOne({ where: { username: name } });
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstNobody(password), false);
    if (!user || !valid) {
      await this.dataSource.query(
        `WITH old AS (DELETE FROM sign_in_failure WHERE at < now() - $2::interval) INSERT INTO sign_in_failure (username) VALUES ($1)`,
        [name, FAILURE_WINDOW],
      );
      throw badCredentials();
    }
    await this.dataSource.query(`DELETE FROM sign_in_failure WHERE username = $1`, [name]);
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + TOKEN_TTL_SECONDS;
    return { accessToken: signToken({ sub: user.id, role: user.role, iat, exp }, this.tokenKey), expiresAt: new Date(exp * 1000), user };
  }

  /**
   * The user behind the request's bearer token; null without one. A token that is forged, expired
   * or names a removed user is refused rather than treated as anonymous, so a client notices.
   * The user is read afresh (one primary-key lookup) so that a changed role applies at once.
   */
  async userFromRequest(req: Request): Promise<AuthUser | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? verifyToken(match[1], this.tokenKey) : null;
    if (!claims) throw tokenRejected();
    const rows: AuthUser[] = await this.dataSource.query(
      `SELECT id, username, role, agency_id AS "agencyId" FROM app_user WHERE id = $1`,
      [claims.sub],
    );
    if (rows.length === 0) throw tokenRejected();
    return rows[0];
  }
}
