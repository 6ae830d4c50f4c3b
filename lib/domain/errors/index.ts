/**
 * Typed failures of the domain. The route wrapper maps them to RFC 9457 problem+json and the
 * action wrapper to form errors; nothing else needs to know HTTP.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `schedule.days` or `studentIds.2`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  readonly type: string;
  /** Members added to the problem document beside the standard ones (RFC 9457 extensions). */
  readonly extensions?: Record<string, unknown>;
  constructor(message: string, type: string) {
    super(message);
    this.name = new.target.name;
    this.type = type;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly title = "Your request has invalid fields";
  constructor(
    readonly errors: FieldError[],
    message = "Some fields are missing or invalid.",
  ) {
    super(message, "validation");
  }
}

/** Well-formed input that the rules refuse (e.g. a schedule that yields no sessions). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly title = "The request cannot be carried out";
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message, "unprocessable");
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly title = "Sign-in required";
  constructor(message = "Sign in to continue.") {
    super(message, "unauthenticated");
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = "Not allowed";
  constructor(message = "Your role does not allow this.") {
    super(message, "forbidden");
  }
}

/**
 * Also what another district's resource answers: whether it exists is itself confidential.
 */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = "Not found";
  constructor(
    readonly entity: string,
    message = `${entity} not found.`,
    readonly errors: FieldError[] = [],
  ) {
    super(message, "not-found");
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = "Conflict";
  constructor(message: string, type = "conflict") {
    super(message, type);
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly status = 422;
  readonly title = "Idempotency-Key reused with a different request";
  constructor() {
    super(
      "This Idempotency-Key was already used for a different request body. Use a new key.",
      "idempotency-key-reused",
    );
  }
}
