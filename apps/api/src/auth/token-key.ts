import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const KEY_NAME = 'token_signing_key';

/**
 * The key that signs access tokens: TOKEN_SECRET when set, else one generated once and kept in the
 * database, so every replica on the same database signs and verifies alike.
 */
export async function loadTokenKey(dataSource: DataSource, fromEnv = process.env.TOKEN_SECRET): Promise<string> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('TOKEN_SECRET must be at least 32 characters long');
    return fromEnv;
  }
  await dataSource.query(`INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    KEY_NAME,
    randomBytes(48).toString('base64url'),
  ]);
  const rows: { value: string }[] = await dataSource.query(`SELECT value FROM app_secret WHERE name = $1`, [KEY_NAME]);
  return rows[0].value;
}

export const TOKEN_KEY = Symbol('TOKEN_KEY');
