import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/server/auth/options';
import { isSameOriginRequest } from '@/server/auth/request-origin';

type Context = { params: Promise<{ nextauth: string[] }> };

const handler: (request: NextRequest, context: Context) => Promise<Response> = NextAuth(authOptions);

export { handler as GET };

// Sign-in and sign-out change state: next-auth checks its CSRF token, and we also refuse
// posts from other sites outright.
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) {
    return new Response('Yêu cầu không hợp lệ.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return handler(request, context);
}
