import 'server-only';

/** No valid session (signed out, expired, deactivated, or revoked by a sessionVersion bump). */
export class AuthError extends Error {
  readonly status = 401;

  constructor(message = 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.') {
    super(message);
    this.name = 'AuthError';
  }
}
