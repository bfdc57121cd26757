import { DomainError, ErrorCode } from '../common/domain-error';

export class PolicyError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
