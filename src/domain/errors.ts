/**
 * The errors the domain expects, each saying what is wrong and nothing about
 * transport. http/handle-error.ts alone maps them to statuses, cli/ to exit
 * codes; anything else is a bug (a 500, or a stack trace from the CLI).
 */
export type DomainErrorKind = 'invalid' | 'unreadable' | 'not-found' | 'conflict' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** Machine-readable specifics, e.g. the fields that failed validation. */
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule: a missing field, a value out of bounds, a malformed cursor. */
export class ValidationError extends DomainError {
  readonly kind = 'invalid';
}

/** Input of the right type that cannot be read as what it should be, e.g. text that is not an article. */
export class UnreadableError extends DomainError {
  readonly kind = 'unreadable';
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** The change collides with the current state: a slug taken, a source being ingested. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** A capability that is switched off or cannot be reached right now. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
}
