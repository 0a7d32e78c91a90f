// An attacker's HTTP client for the security suite: raw requests (any header, any body, any
// path bytes) from a chosen loopback address, with its own cookie jar, and a look into the
// test database to check what a request left behind. No browser: these are not journeys.
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const port = Number(process.env.E2E_PORT ?? 3100);
export const ORIGIN = `http://127.0.0.1:${port}`;
export const DEMO_PASSWORD = 'DemoCCHC@2025';

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

let nextAddress = 10;
/** A loopback address of its own (127.0.1.x…), so each test's sign-ins count for it alone. */
export function freshAddress(): string {
  nextAddress += 1;
  return `127.0.${Math.floor(nextAddress / 250) + 1}.${nextAddress % 250}`;
}

export class Client {
  private readonly cookies = new Map<string, string>();

  /** `from`: the local address the connection comes from (any of 127.0.0.0/8). */
  constructor(readonly from = freshAddress()) {}

  send(method: string, target: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path: target,
          localAddress: this.from,
          headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}), ...options.headers },
        },
        (response) => {
          for (const line of response.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const at = pair.indexOf('=');
            this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
          }
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('error', reject);
      request.end(options.body);
    });
  }

  /** next-auth's credentials sign-in; the answer's `error` is the code the form shows. */
  async signIn(
    email: string,
    password = DEMO_PASSWORD,
    headers: Record<string, string> = {},
  ): Promise<{ ok: boolean; error: string | null }> {
    const csrf = JSON.parse((await this.send('GET', '/api/auth/csrf')).text) as { csrfToken: string };
    const answer = await this.send('POST', '/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, json: 'true' }).toString(),
    });
    const url = (JSON.parse(answer.text) as { url?: string }).url ?? '';
    return { ok: answer.status === 200, error: new URL(url, ORIGIN).searchParams.get('error') };
  }

  /** Calls a server action by name with a raw body, as React's client would post it. */
  action(name: string, page: string, body: string | Buffer, contentType = 'text/plain;charset=UTF-8'): Promise<Answer> {
    return this.send('POST', page, {
      headers: { 'next-action': actionId(name), 'content-type': contentType, accept: 'text/x-component' },
      body,
    });
  }
}

/**
 * Calls a server action that takes a FormData, as React 19.3 encodes it: the form's fields
 * prefixed "_1_", then the argument list in field "0" (`withState`: useActionState's previous
 * state comes first).
 */
export async function formAction(
  client: Client,
  name: string,
  page: string,
  fields: Record<string, string | Blob | [Blob, string]>,
  withState = true,
): Promise<Answer> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) form.append(`_1_${key}`, value[0], value[1]);
    else form.append(`_1_${key}`, value);
  }
  // Last, as React writes it: the decoder reads the fields the root refers to as they arrive.
  form.append('0', JSON.stringify(withState ? [null, '$K1'] : ['$K1']));
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return client.action(name, page, body, encoded.headers.get('content-type')!);
}

/** A server action's id, from the manifest of the build under test. */
export function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`Không thấy server action ${name} trong bản build.`);
  return found[0];
}

/** The result of a server action in its RSC answer (the line `1:{…}`), or null. */
export function actionResult<T = Record<string, unknown>>(answer: Answer): T | null {
  const line = answer.text.split('\n').find((row) => row.startsWith('1:'));
  if (!line || line.startsWith('1:E')) return null;
  return JSON.parse(line.slice(2)) as T;
}

let pool: pg.Pool | undefined;

/** One query on the test database (DATABASE_URL of the server under test). */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return (await pool.query<T>(text, values)).rows;
}

let accounts = 0;
/** A fresh account with the demo password, so a test's sign-ins count for it alone. */
export async function createAccount(role: 'EDITOR' | 'APPROVER' | 'ADMIN' = 'EDITOR', isActive = true): Promise<string> {
  accounts += 1;
  const email = `tan-cong-${accounts}-${Date.now().toString(36)}@test.local`;
  await sql(
    `INSERT INTO "User" (email, name, role, "isActive", "passwordHash", "updatedAt")
     SELECT $1, $2, $3::"Role", $4, "passwordHash", now() FROM "User" WHERE email = 'bientap@demo.local'`,
    [email, `Người thử ${accounts}`, role, isActive],
  );
  return email;
}
