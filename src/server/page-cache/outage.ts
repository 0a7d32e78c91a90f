import 'server-only';
import { PRIVATE_NO_STORE, SCRIPTLESS_CSP } from '@/lib/http-headers';

// What a reader gets while the database is unreachable and the page is not in the page cache:
// a complete page in Vietnamese, with no script and nothing read from the database, and a
// Retry-After so browsers, crawlers and proxies come back on their own.

export const RETRY_AFTER_SECONDS = 30;

export const OUTAGE_HTML = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Tạm thời gián đoạn · Bản tin CCHC</title>
<style>
body{margin:0;font:17px/1.6 "Noto Serif",Georgia,serif;color:#1b1f29;background:#f7f5f0}
main{max-width:36rem;margin:12vh auto;padding:0 1.25rem}
h1{font-size:1.6rem;line-height:1.3;color:#1d3a6e}
a{color:#1d3a6e}
</style>
</head>
<body>
<main id="noi-dung">
<h1>Hệ thống tạm thời gián đoạn</h1>
<p>Trang này chưa hiển thị được vì máy chủ dữ liệu đang không phản hồi. Các trang bản tin đã có sẵn vẫn đọc được bình thường.</p>
<p>Vui lòng thử lại sau ít phút; trang sẽ tự hoạt động trở lại khi hệ thống phục hồi.</p>
<p><a href="/">Về trang chủ</a> · <a href="/ban-tin">Các số bản tin</a></p>
</main>
</body>
</html>
`;

export const OUTAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Retry-After': String(RETRY_AFTER_SECONDS),
  'Cache-Control': PRIVATE_NO_STORE,
  'Content-Security-Policy': SCRIPTLESS_CSP,
  'X-Content-Type-Options': 'nosniff',
} as const;

export function serviceUnavailableResponse(): Response {
  return new Response(OUTAGE_HTML, { status: 503, headers: OUTAGE_HEADERS });
}
