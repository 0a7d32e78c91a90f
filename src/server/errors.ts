import 'server-only';

// Domain errors carry the HTTP status and a Vietnamese message a person can act on. Server
// actions and route handlers turn them into `{ ok: false, … }` answers or status codes.

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Không tìm thấy nội dung này.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends Error {
  readonly status = 422;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Someone else saved first: the caller keeps its text and is shown both versions. */
export class ConflictError<T = unknown> extends Error {
  readonly status = 409;
  constructor(
    message: string,
    readonly current?: T,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A workflow step that the current status does not allow (e.g. approving a draft). */
export class TransitionError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'TransitionError';
  }
}
