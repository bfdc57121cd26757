import * as argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~30 ms a hash, little memory per sign-in.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

/** How many passwords this process has checked (tests observe that throttled attempts check none). */
export const passwordChecks = { count: 0 };

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  passwordChecks.count++;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time on an unknown username as on a wrong password, so names cannot be probed. */
export async function verifyAgainstNobody(password: string): Promise<void> {
  dummyHash ??= hashPassword('luoshi-no-such-user');
  await verifyPassword(await dummyHash, password);
}
