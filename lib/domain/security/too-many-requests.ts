import { DomainError } from "../errors";

/** A client paused by a throttle (decision 0012): 429 with Retry-After, before any lookup. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly title = "Too many requests";
  override readonly extensions: { retryAfter: number };
  constructor(
    /** Whole seconds until the pause ends. */
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message, "too-many-requests");
    this.extensions = { retryAfter: retryAfterSeconds };
  }
}
