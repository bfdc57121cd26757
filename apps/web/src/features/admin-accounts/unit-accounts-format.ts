/** One created unit account as the sheet and the printout show it. */
export interface UnitAccountRow {
  /** The holder's name (姓名), where the account was made for a person (bulk import). */
  person?: string;
  unit: string;
  username: string;
  password: string;
  signInAt: string;
}

interface Created {
  temporaryPassword: string;
  user: { username: string; agency: { name: string } | null };
}

/** Rows for the sheet and the printout, in the order the API made them (counties, then departments). */
export function unitAccountRows(
  created: readonly Created[],
  origin: string,
  display: (text: string) => string = (s) => s,
): UnitAccountRow[] {
  const signInAt = `${origin.replace(/\/$/, '')}/login`;
  return created.map((a) => ({
    unit: a.user.agency ? display(a.user.agency.name) : '',
    username: a.user.username,
    password: a.temporaryPassword,
    signInAt,
  }));
}

/** A file name for the sheet: the policy's number and today's date, without characters a file system refuses. */
export function unitAccountsFileName(base: string, docNumber: string, today = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${today.getFullYear()}${p(today.getMonth() + 1)}${p(today.getDate())}`;
  return `${base}-${docNumber}-${date}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
