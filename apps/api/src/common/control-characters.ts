import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';

/**
 * C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls. PostgreSQL
 * refuses NUL in text outright (the request used to end in a 500), and the others are never typed
 * by a person: they come from a broken export or someone probing.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The path (e.g. ['input', 'values', '2', 'countyId']) of the first string holding a forbidden control character. */
export function findControlCharacter(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (FORBIDDEN.test(key)) return [...path, key];
    const found = findControlCharacter(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** HTTP routes' body, query and path parameters; GraphQL resolvers' arguments (external contexts pass '3'). */
const GRAPHQL_ARGS = '3'; // GqlParamtype.ARGS of @nestjs/graphql (not exported from its index)
const INPUT_PARAMETERS = new Set(['body', 'query', 'param', GRAPHQL_ARGS]);

/**
 * Global pipe: any argument of a resolver or controller (every mutation's input, every query's
 * filters) holding a control character is refused as BAD_USER_INPUT naming the field, in the same
 * shape as the validation pipe's refusals (`field`, `index`).
 */
@Injectable()
export class ControlCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!INPUT_PARAMETERS.has(String(metadata.type))) return value; // the request, the context, the user: not input
    const found = findControlCharacter(value, metadata.data ? [metadata.data] : []);
    if (!found) return value;
    const index = found.find((p) => /^\d+$/.test(p));
    const field = [...found].reverse().find((p) => !/^\d+$/.test(p) && p !== 'input') ?? metadata.data ?? 'input';
    throw new DomainError('BAD_USER_INPUT', `${field} 含有不允许的控制字符(如 NUL),请删除后重试`, {
      field,
      ...(index !== undefined ? { index: Number(index) } : {}),
    });
  }
}
