import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '../env';
import { NotFoundError } from '../errors';

// An uploaded bulletin waits here between the analysis and "Tạo số", so the server creates
// the issue from its own copy of the file (the browser only sends the editor's changes).
// Kept beside the media (shared by every app server), for one user, for one day at most.

const MAX_AGE_MS = 24 * 3600_000;
const TOKEN = /^[a-f0-9]{32}$/;

const folder = () => path.join(getEnv().mediaRoot, '.import-staging');
const paths = (token: string) => ({ bytes: path.join(folder(), `${token}.bin`), meta: path.join(folder(), `${token}.json`) });

export type StagedFile = { fileName: string; bytes: Buffer };

async function dropExpired(): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(folder()).catch(() => [] as string[])) {
    const file = path.join(folder(), name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > MAX_AGE_MS) await rm(file, { force: true });
  }
}

export async function stageUpload(userId: number, file: StagedFile): Promise<string> {
  await mkdir(folder(), { recursive: true });
  await dropExpired();
  const token = randomUUID().replaceAll('-', '');
  const target = paths(token);
  await writeFile(target.bytes, file.bytes);
  await writeFile(target.meta, JSON.stringify({ userId, fileName: file.fileName }));
  return token;
}

const GONE = 'Tệp tải lên đã hết hạn hoặc không còn. Hãy tải tệp lên lại.';

/** The staged file, only for the user who uploaded it. */
export async function loadStaged(userId: number, token: string): Promise<StagedFile> {
  if (!TOKEN.test(token)) throw new NotFoundError(GONE);
  const target = paths(token);
  try {
    const meta = JSON.parse(await readFile(target.meta, 'utf8')) as { userId: number; fileName: string };
    if (meta.userId !== userId) throw new NotFoundError(GONE);
    return { fileName: meta.fileName, bytes: await readFile(target.bytes) };
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    throw new NotFoundError(GONE);
  }
}

export async function discardStaged(token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  const target = paths(token);
  await Promise.all([rm(target.bytes, { force: true }), rm(target.meta, { force: true })]);
}
