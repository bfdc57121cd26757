import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

interface Problem {
  path: string[];
  message: string;
}

function flatten(errors: ValidationError[], path: string[] = []): Problem[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ path: [...path, e.property], message })),
    ...flatten(e.children ?? [], [...path, e.property]),
  ]);
}

/**
 * The strict global pipe (whitelist, forbidNonWhitelisted, transform), whose refusals say where:
 * `extensions.field` is the input field, `extensions.index` the item of a list (values[3] -> 3),
 * and `extensions.validation` every problem found, so a form can put each message at its field.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const first = problems[0] ?? { path: [], message: '输入有误' };
      const index = first.path.find((p) => /^\d+$/.test(p));
      const field = first.path.find((p) => !/^\d+$/.test(p) && p !== 'input');
      return new DomainError('BAD_USER_INPUT', first.message, {
        ...(field ? { field } : {}),
        ...(index !== undefined ? { index: Number(index) } : {}),
        validation: problems.map((p) => ({ path: p.path.join('.'), message: p.message })),
      });
    },
  });
}
