import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertSecretUnlessPresent, secretValue } from './app-secret.queries';

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
  await insertSecretUnlessPresent(dataSource, KEY_NAME, randomBytes(48).toString('base64url'));
  return secretValue(dataSource, KEY_NAME);
}

export const TOKEN_KEY = Symbol('TOKEN_KEY');
