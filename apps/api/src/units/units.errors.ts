import { DomainError, ErrorCode } from '../common/domain-error';

export class UnitError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot name a unit is as unknown as one that names none: NOT_FOUND either way. */
export function unitId(id: string, field: string): string {
  if (!UUID.test(id)) throw unitNotFound(id, field);
  return id.toLowerCase();
}

export const unitNotFound = (id: string, field: string) => new UnitError('NOT_FOUND', '单位不存在', { id, field });
