import { DomainError, ErrorCode } from '../common/domain-error';

export class PolicyError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot name a row is as unknown as one that names no row: NOT_FOUND either way. */
export function checkId(id: string, what: string, field?: string): string {
  if (!UUID.test(id)) throw notFound(what, id, field);
  return id.toLowerCase();
}

export const notFound = (what: string, id: string, field?: string) =>
  new PolicyError('NOT_FOUND', `${what}不存在`, { id, ...(field ? { field } : {}) });
