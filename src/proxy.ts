import { NextResponse, type NextRequest } from 'next/server';
import { isNestedDeeperThan } from '@/lib/json-depth';

// Runs before Next decodes a request. Not authorization (every action and route handler
// checks the session itself): it only refuses server-action bodies that React's decoder
// would crash on (src/lib/json-depth.ts), so bad input is a 400, never a 500.

const TOO_DEEP = 'Dữ liệu gửi lên lồng nhau quá sâu.';

function refuse(message: string, status: number): NextResponse {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** The texts React will decode: the whole body, or each text field of a form. */
async function decodedTexts(request: NextRequest): Promise<string[] | null> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    try {
      const form = await request.formData();
      return [...form.values()].filter((value): value is string => typeof value === 'string');
    } catch {
      return null;
    }
  }
  return [await request.text()];
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.method !== 'POST') return NextResponse.next();
  const texts = await decodedTexts(request);
  if (!texts) return refuse('Biểu mẫu gửi lên không đọc được.', 400);
  if (texts.some((text) => isNestedDeeperThan(text))) return refuse(TOO_DEEP, 400);
  return NextResponse.next();
}

export const config = {
  matcher: [
    {
      // Bodies that can carry server-action arguments. The image upload route streams its own
      // body with a byte cap, and static files have none.
      source: '/((?!_next/static|_next/image|media/|quan-tri/api/media|favicon.ico).*)',
      has: [{ type: 'header', key: 'content-type', value: '(?:text/plain|multipart/form-data|application/x-www-form-urlencoded).*' }],
    },
  ],
};
