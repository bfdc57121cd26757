import { DomainError } from './domain-error';

/** Something asked for by id that is not there (or that the asker may not see): NOT_FOUND, naming what and which. */
export class NotFoundError extends DomainError {
  constructor(what: string, id: string, field?: string) {
    super('NOT_FOUND', `${what}不存在`, { id, ...(field ? { field } : {}) });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot name a row is as unknown as one that names no row: NOT_FOUND either way. */
export function checkId(id: string, what: string, field?: string): string {
  if (!UUID.test(id)) throw notFound(what, id, field);
  return id.toLowerCase();
}

export const notFound = (what: string, id: string, field?: string) => new NotFoundError(what, id, field);
