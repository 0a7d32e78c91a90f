import { NextResponse, type NextRequest } from 'next/server';
import { isNestedDeeperThan } from '@/lib/json-depth';

// Runs before Next decodes a request. Not authorization (every action and route handler
// checks the session itself): it only refuses bodies that Next's or React's decoding would
// crash on (nesting, src/lib/json-depth.ts; broken JSON; control characters in multipart
// headers), so bad input is a 400, never a 500.

const TOO_DEEP = 'Dữ liệu gửi lên lồng nhau quá sâu.';

function refuse(message: string, status: number): NextResponse {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

// A control character in a part's header (a NUL in a file name) makes Next's multipart
// parser throw, which answers 500.
const BAD_PART_HEADER = /\r\ncontent-disposition:[^\r\n]*[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/i;

/** The texts React will decode (the whole body, or each text field of a form), or a refusal. */
async function decodedTexts(request: NextRequest): Promise<string[] | string> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const bytes = Buffer.from(await request.arrayBuffer());
    if (BAD_PART_HEADER.test(bytes.toString('latin1'))) return 'Tên tệp hoặc trường gửi lên có ký tự không hợp lệ.';
    try {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      return [...form.values()].filter((value): value is string => typeof value === 'string');
    } catch {
      return 'Biểu mẫu gửi lên không đọc được.';
    }
  }
  const text = await request.text();
  if (request.headers.has('next-action') && !isNestedDeeperThan(text)) {
    // React parses an action's text body as JSON, and a SyntaxError there is a 500.
    try {
      JSON.parse(text);
    } catch {
      return 'Dữ liệu gửi lên không đọc được.';
    }
  }
  return [text];
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.method !== 'POST') return NextResponse.next();
  const texts = await decodedTexts(request);
  if (typeof texts === 'string') return refuse(texts, 400);
  if (texts.some((text) => isNestedDeeperThan(text))) return refuse(TOO_DEEP, 400);
  return NextResponse.next();
}

// Bodies that can carry server-action arguments: every action call (its header), and forms
// (a no-JavaScript form posts an action without it). The image upload route streams its own
// body with a byte cap, and static files have none. (Literal values: Next reads this statically.)
export const config = {
  matcher: [
    { source: '/((?!_next/static|_next/image|media/|quan-tri/api/media|favicon.ico).*)', has: [{ type: 'header', key: 'next-action' }] },
    {
      source: '/((?!_next/static|_next/image|media/|quan-tri/api/media|favicon.ico).*)',
      has: [{ type: 'header', key: 'content-type', value: '(?:text/plain|multipart/form-data|application/x-www-form-urlencoded).*' }],
    },
  ],
};
