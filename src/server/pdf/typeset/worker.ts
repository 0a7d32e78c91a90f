// The PDF worker thread, started by pool.ts: typesetting runs here, off the thread that
// serves pages. Fonts are registered and the whole pipeline run once at start, so the first
// request meets a warm renderer. It gets everything in its task (issue, print images, site
// address): no database, no env, no `server-only` (that guard throws outside a React server
// bundle, and a worker is a plain Node thread).
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { registerPdfFonts } from './fonts';
import type { WorkerReply, WorkerTask } from './protocol';
import { planIssue, typesetIssue, type TypesetJob } from './typeset';
import { PLACEHOLDER_JPEG, warmUpJob } from './warm-up';

const port = parentPort!;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const heapUsed = () => getHeapStatistics().used_heap_size;

/** Buffers arrive as Uint8Arrays; react-pdf wants Buffers. A plan needs sizes, not pixels. */
function received(task: WorkerTask): TypesetJob {
  const images = new Map<number, Buffer>();
  if (task.kind === 'plan') {
    for (const id of task.job.issue.media.keys()) images.set(id, PLACEHOLDER_JPEG);
  } else {
    for (const [id, bytes] of task.job.images) images.set(id, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return { ...task.job, images };
}

async function handle(task: WorkerTask): Promise<void> {
  try {
    const job = received(task);
    if (task.kind === 'plan') {
      reply({ type: 'done', id: task.id, plan: await planIssue(job), pdf: null, heapUsed: heapUsed() });
      return;
    }
    const { pdf, plan } = await typesetIssue(job);
    // Its own copy, so the memory moves to the main thread instead of being copied.
    const bytes = new Uint8Array(pdf);
    reply({ type: 'done', id: task.id, plan, pdf: bytes, heapUsed: heapUsed() }, [bytes.buffer]);
  } catch (error) {
    reply({
      type: 'failed',
      id: task.id,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      heapUsed: heapUsed(),
    });
  }
}

await registerPdfFonts();
await typesetIssue(warmUpJob());
port.on('message', (task: WorkerTask) => void handle(task));
reply({ type: 'ready' });
