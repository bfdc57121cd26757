import type { UnitAccountRow } from './unit-accounts-format';

/** A wrong cell of an uploaded sheet, as the API lists it. */
export interface CellError {
  sheet: string;
  cell: string;
  message: string;
}

/** One account the import made, as POST /accounts/import.xlsx answers it. */
export interface ImportedAccount {
  row: number;
  temporaryPassword: string;
  user: { username: string; role: string; displayName: string | null; phone: string | null; agency: { name: string } | null };
}

/** What an upload came to: the accounts made, or why nothing was. */
export type ImportOutcome = { kind: 'created'; accounts: ImportedAccount[] } | { kind: 'refused'; message: string; errors: CellError[] };

/** The API's answer, whatever its status, as an outcome; `failed` words a refusal without a message. */
export function importOutcome(ok: boolean, body: unknown, failed: string): ImportOutcome {
  const b = (body ?? {}) as { created?: ImportedAccount[]; message?: string; errors?: CellError[] };
  if (ok && Array.isArray(b.created)) return { kind: 'created', accounts: b.created };
  const errors = Array.isArray(b.errors) ? b.errors.filter((e) => e && typeof e.cell === 'string') : [];
  return { kind: 'refused', message: typeof b.message === 'string' && b.message ? b.message : failed, errors };
}

/** `账号!B3:找不到单位…`, the way a person finds the cell in Excel. */
export const cellErrorLine = (e: CellError) => (e.cell ? `${e.sheet}!${e.cell}:${e.message}` : e.message);

/**
 * Rows for the sheet and the printout: the file's order, the person's name first; the unit, or the
 * role's name where the account has none (a leader's). `roleName` turns a role code into words.
 */
export function importedAccountRows(
  accounts: readonly ImportedAccount[],
  origin: string,
  roleName: (role: string) => string,
  display: (text: string) => string = (s) => s,
): UnitAccountRow[] {
  const signInAt = `${origin.replace(/\/$/, '')}/login`;
  return [...accounts]
    .sort((a, b) => a.row - b.row)
    .map((a) => ({
      person: a.user.displayName ?? '',
      unit: a.user.agency ? display(a.user.agency.name) : roleName(a.user.role),
      username: a.user.username,
      password: a.temporaryPassword,
      signInAt,
    }));
}

/** A file name for the created accounts' sheet: today's date, without characters a file system refuses. */
export function importedAccountsFileName(base: string, today = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${base}-${today.getFullYear()}${p(today.getMonth() + 1)}${p(today.getDate())}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
