import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { getPdfEnv } from '@/server/env';
import { PdfFailedError, PdfUnavailableError } from '@/server/errors';
import { log } from '@/server/logger';
import type { PagePlan, TypesetJob, WorkerReply, WorkerTask } from './typeset/protocol';

export type PdfPoolOptions = {
  /** Worker threads, each rendering one PDF at a time. */
  size: number;
  /** A render running longer is stopped: its worker is terminated and replaced. */
  timeLimitMs: number;
  /** Tasks waiting for a worker; more are refused at once. */
  maxQueue?: number;
  /** Heap of each worker; a render that needs more stops with a clear message. */
  heapLimitMb?: number;
};

type Result = { plan: PagePlan; pdf: Buffer | null };
type Task = WorkerTask & { timeLimitMs: number; resolve: (result: Result) => void; reject: (error: Error) => void };
/** Per task: a shorter limit for quick answers (the composer's page count). */
export type TaskOptions = { timeLimitMs?: number };
/** `timer`: the time limit while busy, the recycling while idle. */
type Slot = { worker: Worker; ready: boolean; task: Task | null; timer?: NodeJS.Timeout; stopped?: 'time' | 'heap' | 'recycle' };

/**
 * A worker whose heap stays above this after a render is replaced once it has been idle for
 * RECYCLE_IDLE_MS, so memory returns to idle without a restart between renders of a burst.
 */
const RECYCLE_HEAP_BYTES = 160 * 1024 * 1024;
const RECYCLE_IDLE_MS = 10_000;
/** Workers that failed to start this many times in a row stop being replaced until the next task. */
const MAX_START_FAILURES = 3;

const TOO_SLOW = (seconds: number) =>
  `Bản tin quá dài hoặc quá phức tạp: tạo PDF quá ${seconds} giây nên đã dừng. Hãy bớt bài, bảng hoặc ảnh rồi thử lại.`;
const TOO_LARGE = 'Bản tin quá lớn để tạo PDF (vượt giới hạn bộ nhớ của bộ tạo PDF). Hãy bớt bài, bảng hoặc ảnh rồi thử lại.';
const BUSY = 'Đang có nhiều bản PDF chờ tạo, vui lòng thử lại sau ít phút.';
const BROKEN = 'Bộ tạo PDF không khởi động được. Vui lòng báo quản trị hệ thống.';

// The worker runs the TypeScript sources of ./typeset through tsx (already a dependency:
// `npm start` runs on it), registered inside the new thread by a two-line bootstrap: the same
// files under `next start`, Vitest and the scripts. NOTE: Turbopack (Next 16.4) does not
// bundle `new Worker(new URL('./x.ts', import.meta.url))` in a route: it copies the raw .ts
// file as an asset, which Node cannot run. The sources are found from the project root, like
// the fonts, so the app must run from its checkout (no `output: 'standalone'`).
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

function startWorker(options: WorkerOptions): Worker {
  const root = process.cwd();
  const tsx = pathToFileURL(
    createRequire(path.join(root, 'package.json'))
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = pathToFileURL(path.join(root, 'src', 'server', 'pdf', 'typeset', 'worker.ts')).href;
  return new Worker(BOOTSTRAP, { ...options, eval: true, workerData: { tsx, entry } });
}

/**
 * Renders PDFs in worker threads, so typesetting never blocks the thread that serves pages.
 * Tasks queue in order; each worker takes one at a time. A render over the time limit, or
 * one that runs out of heap, ends its worker (its memory goes back to the system) and a
 * fresh one takes its place; the task fails with a message the editor can act on.
 */
export function createPdfPool({ size, timeLimitMs, maxQueue = 40, heapLimitMb = 448 }: PdfPoolOptions) {
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 1;
  let startFailures = 0;
  let closed = false;
  /** Workers replaced after a render to give their memory back. */
  let recycled = 0;

  function spawn(): void {
    // A young generation of 64 MB renders about a fifth faster but keeps some 100 MB more
    // resident: the memory aim (under 400 MB for the server's process) wins.
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: 16 } });
    const slot: Slot = { worker, ready: false, task: null };
    slots.add(slot);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => onReply(slot, reply));
    worker.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') slot.stopped ??= 'heap';
      else log.error('Bộ tạo PDF gặp lỗi.', { error });
    });
    worker.on('exit', () => onExit(slot));
  }

  function onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      startFailures = 0;
    } else {
      const task = slot.task!;
      clearTimeout(slot.timer);
      slot.task = null;
      slot.worker.unref();
      if (reply.type === 'done') {
        task.resolve({ plan: reply.plan, pdf: reply.pdf && Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength) });
      } else {
        log.error('Bộ tạo PDF không tạo được.', { task: task.id, problem: reply.message });
        task.reject(new PdfFailedError());
      }
      if (reply.heapUsed > RECYCLE_HEAP_BYTES) {
        slot.timer = setTimeout(() => {
          recycled++;
          slot.stopped = 'recycle';
          void slot.worker.terminate();
        }, RECYCLE_IDLE_MS);
        slot.timer.unref();
      }
    }
    dispatch();
  }

  function onExit(slot: Slot): void {
    slots.delete(slot);
    clearTimeout(slot.timer);
    if (!slot.ready && !slot.stopped) startFailures++;
    const { task } = slot;
    if (task) {
      const seconds = Math.max(1, Math.round(task.timeLimitMs / 1000));
      task.reject(new PdfFailedError(slot.stopped === 'time' ? TOO_SLOW(seconds) : slot.stopped === 'heap' ? TOO_LARGE : undefined));
    }
    if (closed) return;
    if (startFailures >= MAX_START_FAILURES) {
      for (const waiting of queue.splice(0)) waiting.reject(new PdfFailedError(BROKEN));
      return;
    }
    spawn();
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.task || slot.stopped || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      clearTimeout(slot.timer);
      slot.timer = setTimeout(() => {
        slot.stopped = 'time';
        void slot.worker.terminate();
      }, task.timeLimitMs);
      const message: WorkerTask = { id: task.id, kind: task.kind, job: task.job };
      slot.worker.postMessage(message);
    }
  }

  function run(kind: WorkerTask['kind'], job: TypesetJob, options: TaskOptions): Promise<Result> {
    if (closed) return Promise.reject(new PdfUnavailableError());
    if (queue.length >= maxQueue) return Promise.reject(new PdfUnavailableError(BUSY, 60));
    // After repeated start failures no worker is left: the next task tries again.
    if (startFailures >= MAX_START_FAILURES && slots.size === 0) {
      startFailures = 0;
      for (let i = 0; i < size; i++) spawn();
    }
    return new Promise<Result>((resolve, reject) => {
      queue.push({ id: nextId++, kind, job, timeLimitMs: options.timeLimitMs ?? timeLimitMs, resolve, reject });
      dispatch();
    });
  }

  for (let i = 0; i < size; i++) spawn();

  return {
    /** The PDF of the job, and where each article starts. */
    render: async (job: TypesetJob, options: TaskOptions = {}) => {
      const { pdf, plan } = await run('pdf', job, options);
      return { pdf: pdf!, plan };
    },
    /** Page count and article start pages only: one layout, nothing drawn. */
    plan: async (job: TypesetJob, options: TaskOptions = {}) => (await run('plan', job, options)).plan,
    /** Workers alive and tasks waiting, for tests and the benchmark. */
    stats: () => ({ workers: slots.size, ready: [...slots].filter((slot) => slot.ready).length, queued: queue.length, recycled }),
    /** Ends every worker; tasks in flight fail. */
    close: async () => {
      closed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new PdfUnavailableError());
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

export type PdfPool = ReturnType<typeof createPdfPool>;

// On globalThis: Next bundles instrumentation (which pre-renders on publish) apart from the
// routes, and both must share one set of workers.
const registry = globalThis as unknown as { bantinPdfPool?: PdfPool };

/** The process's PDF pool, sized by PDF_WORKERS and PDF_TIME_LIMIT_SECONDS; started on first use. */
export function getPdfPool(): PdfPool {
  const { workers, timeLimitMs } = getPdfEnv();
  registry.bantinPdfPool ??= createPdfPool({ size: workers, timeLimitMs });
  return registry.bantinPdfPool;
}
