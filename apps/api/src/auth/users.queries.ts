import type { Sql } from '../common/sql';

/**
 * The auth feature's questions about accounts (app_user). Other features that need an account's
 * rows ask through these functions, never by SQL on app_user.
 */

/** A new account's row; null display name or phone: none given. */
export interface NewUserRow {
  username: string;
  passwordHash: string;
  role: string;
  agencyId: string | null;
  displayName: string | null;
  phone: string | null;
  mustChangePassword: boolean;
}

/**
 * Inserts the account unless its username is taken; its id, or null when taken. One statement for
 * every way an account is made (createUser, the unit accounts, the Excel import), which used to
 * differ only in the columns they left to their defaults (display_name and phone NULL,
 * must_change_password false).
 */
export async function insertUserUnlessTaken(sql: Sql, u: NewUserRow): Promise<string | null> {
  const rows: { id: string }[] = await sql.query(
    `INSERT INTO app_user (username, password_hash, role, agency_id, display_name, phone, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [u.username, u.passwordHash, u.role, u.agencyId, u.displayName, u.phone, u.mustChangePassword],
  );
  return rows.length ? rows[0].id : null;
}

/** Whether the first start's `admin` account exists (under any role or state). */
export async function adminExists(sql: Sql): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM app_user WHERE username = 'admin'`);
  return rows.length > 0;
}

/** The `admin` account, ADMIN, with the given hash (no ON CONFLICT: a second one is an error). Its id. */
export async function insertAdmin(sql: Sql, passwordHash: string): Promise<string> {
  const rows: { id: string }[] = await sql.query(
    `INSERT INTO app_user (username, password_hash, role) VALUES ('admin', $1, 'ADMIN') RETURNING id`,
    [passwordHash],
  );
  return rows[0].id;
}

/** The active account's password hash; null when it is deactivated or gone. */
export async function activePasswordHash(sql: Sql, userId: string): Promise<string | null> {
  const rows: { hash: string }[] = await sql.query(`SELECT password_hash AS hash FROM app_user WHERE id = $1 AND active`, [userId]);
  return rows.length ? rows[0].hash : null;
}

/** The person's own new password: no longer a temporary one. */
export async function setChosenPassword(sql: Sql, userId: string, passwordHash: string): Promise<void> {
  await sql.query(`UPDATE app_user SET password_hash = $2, must_change_password = false WHERE id = $1`, [userId, passwordHash]);
}

/** A temporary password set by an administrator: to be changed at the next sign-in. */
export async function setTemporaryPassword(sql: Sql, userId: string, passwordHash: string): Promise<void> {
  await sql.query(`UPDATE app_user SET password_hash = $2, must_change_password = true WHERE id = $1`, [userId, passwordHash]);
}

/** What an administrator changes of an account: role, unit, name and phone, all written. */
export interface AccountChange {
  role: string;
  agencyId: string | null;
  displayName: string | null;
  phone: string | null;
}

export async function updateAccount(sql: Sql, userId: string, c: AccountChange): Promise<void> {
  await sql.query(`UPDATE app_user SET role = $2, agency_id = $3, display_name = $4, phone = $5 WHERE id = $1`, [
    userId,
    c.role,
    c.agencyId,
    c.displayName,
    c.phone,
  ]);
}

export async function setAccountActive(sql: Sql, userId: string, active: boolean): Promise<void> {
  await sql.query(`UPDATE app_user SET active = $2 WHERE id = $1`, [userId, active]);
}

/** Stamps a successful sign-in; the time stamped (null if the account is gone). */
export async function stampSignIn(sql: Sql, userId: string): Promise<Date | null> {
  // An UPDATE … RETURNING answers [rows, count] through TypeORM's pg driver.
  const [stamped]: [{ at: Date }[], number] = await sql.query(
    `UPDATE app_user SET last_sign_in_at = now() WHERE id = $1 RETURNING last_sign_in_at AS at`,
    [userId],
  );
  return stamped[0]?.at ?? null;
}

/** Which of these (lower-cased) usernames are taken already. */
export async function takenUsernames(sql: Sql, usernames: string[]): Promise<string[]> {
  const rows: { username: string }[] = await sql.query(`SELECT username FROM app_user WHERE username = ANY($1::text[])`, [usernames]);
  return rows.map((r) => r.username);
}
