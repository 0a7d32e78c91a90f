import 'server-only';
import { BlockList, isIPv4 } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// The only module that reads process.env. Parsed on first use (so `next build` needs no
// database), and a bad value stops with a message naming the variable and what it expects.
const publicBaseUrlSchema = z
  .url({ error: 'cần một địa chỉ http(s) đầy đủ, ví dụ https://bantin.sonoivu.laichau.gov.vn' })
  .default('http://localhost:3000')
  .transform((url) => url.replace(/\/+$/, ''));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({ error: 'thiếu; cần chuỗi kết nối PostgreSQL, ví dụ postgresql://user:pass@127.0.0.1:5432/bantin' })
    .regex(/^postgres(ql)?:\/\/.+/, 'cần chuỗi kết nối bắt đầu bằng postgresql://'),
  MEDIA_ROOT: z.string().min(1).default('.data/media'),
  PUBLIC_BASE_URL: publicBaseUrlSchema,
  // Memory for rendered public pages per app server; 0 turns the page cache off.
  PAGE_CACHE_MAX_MB: z.coerce
    .number({ error: 'cần một số megabyte, ví dụ 256' })
    .int({ error: 'cần một số nguyên megabyte' })
    .min(0)
    .max(65_536)
    .default(256),
});

export type Env = z.infer<typeof envSchema> & { mediaRoot: string };

let cached: Env | undefined;

export function formatEnvError(error: z.ZodError): string {
  return error.issues.map((issue) => `Biến môi trường ${issue.path.join('.')} không hợp lệ: ${issue.message}`).join('\n');
}

export function getEnv(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) throw new Error(formatEnvError(result.error));
  cached = { ...result.data, mediaRoot: path.resolve(result.data.MEDIA_ROOT) };
  return cached;
}

/** The site's absolute address without a trailing slash; needs no database (build time too). */
export function getPublicBaseUrl(): string {
  const result = publicBaseUrlSchema.safeParse(process.env.PUBLIC_BASE_URL);
  if (!result.success) throw new Error(formatEnvError(result.error));
  return result.data;
}

const authEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    NEXTAUTH_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự ngẫu nhiên, ví dụ tạo bằng: openssl rand -base64 32').optional(),
    NEXTAUTH_URL: z.url({ error: 'cần địa chỉ http(s) đầy đủ của trang, ví dụ https://bantin.sonoivu.laichau.gov.vn' }).optional(),
    PUBLIC_BASE_URL: publicBaseUrlSchema,
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.NEXTAUTH_SECRET !== undefined, {
    path: ['NEXTAUTH_SECRET'],
    error: 'bắt buộc khi NODE_ENV=production; cần ít nhất 32 ký tự ngẫu nhiên, ví dụ tạo bằng: openssl rand -base64 32',
  });

export type AuthEnv = { secret: string | undefined; url: string };

let cachedAuth: AuthEnv | undefined;

/** Session signing settings; needs no database. The secret may be absent outside production. */
export function getAuthEnv(): AuthEnv {
  if (cachedAuth) return cachedAuth;
  const result = authEnvSchema.safeParse(process.env);
  if (!result.success) throw new Error(formatEnvError(result.error));
  const url = result.data.NEXTAUTH_URL ?? result.data.PUBLIC_BASE_URL;
  // next-auth reads NEXTAUTH_URL from process.env itself (its origin and whether cookies are
  // Secure), so the default is published back for it.
  process.env.NEXTAUTH_URL = url;
  cachedAuth = { secret: result.data.NEXTAUTH_SECRET, url };
  return cachedAuth;
}

// SMTP_URL: where notification emails go (smtp://user:pass@host:587, smtps://… for TLS); none
// means no email. MAIL_FROM: their sender. Read on each use: cheap, and needs no database.
const mailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, 'cần địa chỉ máy chủ thư dạng smtp://user:pass@host:587 hoặc smtps://host:465')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).default('Bản tin CCHC <bantin@localhost>'),
});

export type MailEnv = { smtpUrl: string | null; from: string };

export function getMailEnv(): MailEnv {
  const result = mailEnvSchema.safeParse(process.env);
  if (!result.success) throw new Error(formatEnvError(result.error));
  return { smtpUrl: result.data.SMTP_URL ?? null, from: result.data.MAIL_FROM };
}

// TRUSTED_PROXIES: the addresses (CIDRs or single addresses, comma-separated) of our own
// reverse proxies, whose X-Forwarded-For entries are believed. Empty: none, the socket's peer
// is the client. BANTIN_PEER_HEADER is set by scripts/server.mjs, never by people: it says the
// socket's peer address arrives in a header that the server wrote itself.
const proxyEntrySchema = z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()], {
  error: 'cần địa chỉ IP hoặc dải CIDR cách nhau bởi dấu phẩy, ví dụ 127.0.0.1,10.0.0.0/8,fd00::/8',
});

const proxyEnvSchema = z.object({
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(proxyEntrySchema)),
  BANTIN_PEER_HEADER: z.literal('1').optional(),
});

export type ProxyEnv = { trustedProxies: BlockList; trustedProxyList: string[]; hasPeerHeader: boolean };

let cachedProxy: ProxyEnv | undefined;

/** Which forwarding proxies are believed; needs no database. */
export function getProxyEnv(): ProxyEnv {
  if (cachedProxy) return cachedProxy;
  const result = proxyEnvSchema.safeParse(process.env);
  if (!result.success) throw new Error(formatEnvError(result.error));
  const trustedProxies = new BlockList();
  for (const entry of result.data.TRUSTED_PROXIES) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) trustedProxies.addAddress(address, type);
    else trustedProxies.addSubnet(address, Number(prefix), type);
  }
  cachedProxy = { trustedProxies, trustedProxyList: result.data.TRUSTED_PROXIES, hasPeerHeader: result.data.BANTIN_PEER_HEADER === '1' };
  return cachedProxy;
}

const port = (example: string) =>
  z.coerce
    .number({ error: `cần một số cổng 1–65535, ví dụ ${example}` })
    .int(`cần một số cổng 1–65535, ví dụ ${example}`)
    .min(1, `cần một số cổng 1–65535, ví dụ ${example}`)
    .max(65535, `cần một số cổng 1–65535, ví dụ ${example}`);

const opsEnvSchema = z.object({
  LOG_FORMAT: z.enum(['text', 'json'], { error: 'cần text hoặc json' }).default('text'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'cần debug, info, warn hoặc error' }).default('info'),
  PG_BIN_DIR: z.string().min(1).optional(),
});

export type OpsEnv = z.infer<typeof opsEnvSchema>;

let cachedOps: OpsEnv | undefined;

/** Logging and backup tools; needs no database. */
export function getOpsEnv(): OpsEnv {
  if (cachedOps) return cachedOps;
  const result = opsEnvSchema.safeParse(process.env);
  if (!result.success) throw new Error(formatEnvError(result.error));
  cachedOps = result.data;
  return cachedOps;
}

const scriptEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'cần development, production hoặc test' }).default('development'),
  PORT: port('3000').default(3000),
  EMBEDDED_PG_PORT: port('54329').default(54329),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, 'cần chuỗi kết nối bắt đầu bằng postgresql://, ví dụ postgresql://user:pass@127.0.0.1:5432/bantin')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MEDIA_ROOT: z.string().min(1).default('.data/media'),
  PUBLIC_BASE_URL: publicBaseUrlSchema,
  NEXTAUTH_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự ngẫu nhiên, ví dụ tạo bằng: openssl rand -base64 32').optional(),
  NEXTAUTH_URL: z.url({ error: 'cần địa chỉ http(s) đầy đủ của trang, ví dụ https://bantin.sonoivu.laichau.gov.vn' }).optional(),
  NEW_USER_PASSWORD: z.string().optional(),
});

export type ScriptEnv = z.infer<typeof scriptEnvSchema> & { mediaRoot: string };

/**
 * What the project's commands (start, backup, restore, doctor, …) read, checked at once so a
 * typo in PORT stops with a message instead of a server on a surprising port. Not cached:
 * a command may set DATABASE_URL on its way.
 */
export function getScriptEnv(source: Record<string, string | undefined> = process.env): ScriptEnv {
  const result = scriptEnvSchema.safeParse(source);
  if (!result.success) throw new EnvError(formatEnvError(result.error));
  return { ...result.data, mediaRoot: path.resolve(result.data.MEDIA_ROOT) };
}

/** A bad environment variable: the commands print its message alone, without a stack. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Every problem of the environment, one line per variable: what `npm run doctor` lists. */
export function environmentProblems(source: Record<string, string | undefined> = process.env): string[] {
  return [
    ...new Set(
      [scriptEnvSchema, opsEnvSchema].flatMap((schema) => {
        const result = schema.safeParse(source);
        return result.success ? [] : formatEnvError(result.error).split('\n');
      }),
    ),
  ];
}

const pdfEnvSchema = z.object({
  PDF_WORKERS: z.coerce
    .number({ error: 'cần một số nguyên từ 1 đến 16' })
    .int('cần một số nguyên từ 1 đến 16')
    .min(1, 'cần một số nguyên từ 1 đến 16')
    .max(16, 'cần một số nguyên từ 1 đến 16')
    .optional(),
  PDF_TIME_LIMIT_SECONDS: z.coerce
    .number({ error: 'cần số giây từ 5 đến 600' })
    .int('cần số giây từ 5 đến 600')
    .min(5, 'cần số giây từ 5 đến 600')
    .max(600, 'cần số giây từ 5 đến 600')
    .default(90),
});

export type PdfEnv = { workers: number; timeLimitMs: number };

/**
 * The PDF renderers: how many worker threads (default: half the cores, at least one, so
 * public pages keep a core while a PDF renders) and how long one render may take.
 */
export function getPdfEnv(): PdfEnv {
  const result = pdfEnvSchema.safeParse(process.env);
  if (!result.success) throw new Error(formatEnvError(result.error));
  return {
    workers: result.data.PDF_WORKERS ?? Math.max(1, Math.floor(os.availableParallelism() / 2)),
    timeLimitMs: result.data.PDF_TIME_LIMIT_SECONDS * 1000,
  };
}
