import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getAuthEnv } from '../env';
import { clientAddress } from '../http/client-address';
import { authorize } from './sign-in';
import { log } from '../logger';

declare module 'next-auth' {
  interface User {
    sessionVersion: number;
  }
  interface Session {
    userId?: number;
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: number;
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Error codes the sign-in form receives from next-auth (`signIn(...).error`). Credentials
 * that do not match give next-auth's own "CredentialsSignin".
 */
export const SIGN_IN_ERROR = { throttled: 'Throttled', inactive: 'Inactive', unavailable: 'Unavailable' } as const;

// Outside production a missing secret is replaced by one random per process (sessions then
// end with the process); `npm start` passes a persistent one. Kept on globalThis so every
// route bundle of the process signs with the same key.
const globalForAuth = globalThis as unknown as { bantinFallbackAuthSecret?: string };

function authSecret(): string {
  return getAuthEnv().secret ?? (globalForAuth.bantinFallbackAuthSecret ??= randomBytes(32).toString('base64url'));
}

export const authOptions: AuthOptions = {
  // A getter, so the environment is read when next-auth first needs it, not when `next build`
  // imports this module.
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/dang-nhap', error: '/dang-nhap' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Mật khẩu', type: 'password' },
      },
      async authorize(credentials, request) {
        const ipAddress = clientAddress(request.headers ?? {});
        let result;
        try {
          result = await authorize(credentials, { ipAddress });
        } catch (error) {
          // next-auth puts a thrown message into the redirect URL; keep database errors out of it.
          log.error('Đăng nhập thất bại do lỗi hệ thống.', { error, ipAddress });
          throw new Error(SIGN_IN_ERROR.unavailable);
        }
        if (result.status === 'throttled') throw new Error(SIGN_IN_ERROR.throttled);
        if (result.status === 'inactive') throw new Error(SIGN_IN_ERROR.inactive);
        if (result.status === 'invalid') return null;
        return { id: String(result.user.id), sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries only who and which session generation; the rest is read from the
    // database on every request (session.ts). Rebuilt on each call so nothing else, such as
    // data sent to /api/auth/session, ever enters it.
    jwt({ token, user }) {
      if (user) return { userId: Number(user.id), sessionVersion: user.sessionVersion };
      return { userId: token.userId, sessionVersion: token.sessionVersion };
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.userId, sessionVersion: token.sessionVersion };
    },
  },
};
