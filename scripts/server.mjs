// The app's HTTP server (`npm start`, `npm run serve`, the end-to-end and security tests):
// Next's own request handler behind a plain Node server, for what `next start` cannot do
// (decision 013):
// - the socket's peer address goes into X-Bantin-Peer, replacing whatever a client sent;
//   src/server/http/client-address.ts derives the client's address from it and from the
//   X-Forwarded-For hops of TRUSTED_PROXIES. `next start` only passes a client's own
//   X-Forwarded-For through, so an attacker could choose their address;
// - a path with malformed percent-encoding (/bai-viet/%FF) is a 400 here: Next 16.4 tries to
//   render a "/400" page the App Router does not have and answers 500.
// Listens on HOST (127.0.0.1 by default: a reverse proxy on the same machine is the way in;
// - a public page the page cache holds fresh is sent from memory before Next's handler runs
//   (src/server/page-cache/stored-answer.ts, reached through the runtime on globalThis): the
//   handler's routing and proxy cost several times the copy itself (bench/web.ts);
// HOST=0.0.0.0 to listen everywhere) and PORT (3000). Plain JavaScript: it must not run under
// the react-server condition of the other scripts.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const PEER_HEADER = 'x-bantin-peer';
const PAGE_CACHE = Symbol.for('bantin.pageCache');
const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// Tells the app (src/server/env.ts) that PEER_HEADER was written by this server.
process.env.BANTIN_PEER_HEADER = '1';

function hasMalformedPath(url) {
  try {
    decodeURIComponent((url ?? '/').split('?', 1)[0]);
    return false;
  } catch {
    return true;
  }
}

const BAD_ADDRESS_PAGE =
  '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Địa chỉ không hợp lệ</title>' +
  '<h1>Địa chỉ không hợp lệ</h1><p>Đường dẫn có ký tự mã hoá sai. <a href="/">Về trang chủ</a>.</p></html>';

const app = next({ dev: isDev, dir: projectRoot, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

/** True when the page cache answered: same headers and status Next would send, never a stale page. */
function sendStoredPage(request, response) {
  const runtime = globalThis[PAGE_CACHE];
  if (!runtime) return false;
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  const answer = runtime.answer({
    method: request.method ?? 'GET',
    pathname: queryAt === -1 ? url : url.slice(0, queryAt),
    search: queryAt === -1 ? '' : url.slice(queryAt),
    ifNoneMatch: request.headers['if-none-match'] ?? null,
    isRsc: request.headers.rsc !== undefined,
  });
  if (!answer) return false;
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body ?? undefined);
  return true;
}

const server = createServer((request, response) => {
  if (hasMalformedPath(request.url)) {
    response.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(BAD_ADDRESS_PAGE);
    return;
  }
  if (sendStoredPage(request, response)) return;
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? '';
  void handle(request, response);
});

let isClosing = false;
async function close() {
  if (isClosing) return;
  isClosing = true;
  server.close();
  server.closeAllConnections();
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void close());
process.on('SIGTERM', () => void close());

server.listen(port, hostname, () => {
  console.log(
    `▲ Next.js ${isDev ? '(phát triển)' : ''} đang phục vụ http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
  );
});
