import 'server-only';

// Every refusal a domain command can give is a DomainError: an HTTP status, a Vietnamese message
// a person can act on, optional field errors and, for a conflict, the newer state. runAction and
// toHttpResponse (src/server/outcome.ts) turn any of them into the answer, so a new error class
// needs nothing outside its own module to reach a form or a client correctly.

export type FieldErrors = Record<string, string>;

export abstract class DomainError extends Error {
  abstract readonly status: number;
  readonly fieldErrors: FieldErrors;
  /** After a conflict: the current, serialisable state the caller may show next to its own. */
  readonly current: unknown;

  constructor(message: string, options: { fieldErrors?: FieldErrors; current?: unknown } = {}) {
    super(message);
    this.name = new.target.name;
    this.fieldErrors = options.fieldErrors ?? {};
    this.current = options.current;
  }
}

/** No valid session (signed out, expired, deactivated, or revoked by a sessionVersion bump). */
export class AuthError extends DomainError {
  readonly status = 401;
  constructor(message = 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(message = 'Không tìm thấy nội dung này.') {
    super(message);
  }
}

export class ValidationError extends DomainError {
  readonly status = 422;
  constructor(
    message: string,
    fieldErrors: FieldErrors = {},
    /** The input named fields no form has: a forged or replayed request, not a typing mistake. */
    readonly hasForbiddenFields = false,
  ) {
    super(message, { fieldErrors });
  }
}

/** Someone else saved first: the caller keeps its text and is shown the newer state. */
export class ConflictError<T = unknown> extends DomainError {
  readonly status = 409;
  declare readonly current: T | undefined;
  constructor(message: string, current?: T, fieldErrors: FieldErrors = {}) {
    super(message, { current, fieldErrors });
  }
}

/** A workflow step that the current status does not allow (e.g. approving a draft). */
export class TransitionError extends DomainError {
  readonly status = 409;
}

/** Too much of something: a file, a body, a request rate. */
export class TooLargeError extends DomainError {
  readonly status = 413;
}

/** Work that could not finish now (a busy renderer, an unreachable dependency); worth retrying. */
export class UnavailableError extends DomainError {
  readonly status = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds = 30,
  ) {
    super(message);
  }
}

/** The print PDF cannot be made right now (all renderers busy, or still rendering): try later. */
export class PdfUnavailableError extends UnavailableError {
  constructor(message = 'Bản PDF đang được tạo, vui lòng thử lại sau ít phút.', retryAfterSeconds = 30) {
    super(message, retryAfterSeconds);
  }
}

/** This PDF could not be made (too long to typeset, too large, a renderer crash). */
export class PdfFailedError extends DomainError {
  readonly status = 500;
  constructor(message = 'Không tạo được bản PDF, vui lòng thử lại sau.') {
    super(message);
  }
}
