import 'server-only';
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
