import type { z } from 'zod';
import { ValidationError } from './errors.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Parses untrusted input with a zod schema; on failure throws a 400 that names each failing field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error, what);
}

/** The 400 for a failed parse: `invalid <what>: <field>: <message>; …`, each problem in the details. */
export function validationError(error: z.ZodError, what: string): ValidationError {
  const problems: FieldProblem[] = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new ValidationError(`invalid ${what}: ${summary}`, problems);
}
