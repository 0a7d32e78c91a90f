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

/** The print PDF cannot be made right now (all renderers busy, or still rendering): try later. */
export class PdfUnavailableError extends Error {
  readonly status = 503;
  constructor(
    message = 'Bản PDF đang được tạo, vui lòng thử lại sau ít phút.',
    readonly retryAfterSeconds = 30,
  ) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/** This PDF could not be made (too long to typeset, too large, a renderer crash). */
export class PdfFailedError extends Error {
  readonly status = 500;
  constructor(message = 'Không tạo được bản PDF, vui lòng thử lại sau.') {
    super(message);
    this.name = 'PdfFailedError';
  }
}
