// The messages between the PDF pool (pool.ts, main thread) and its worker threads (worker.ts).
import type { PagePlan, TypesetJob } from './typeset';

export type { PagePlan, TypesetJob };

/** `pdf`: typeset and draw; `plan`: page numbers only, nothing drawn, images not needed. */
export type WorkerTask = { id: number; kind: 'pdf' | 'plan'; job: TypesetJob };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; plan: PagePlan; pdf: Uint8Array | null; heapUsed: number }
  | { type: 'failed'; id: number; message: string; heapUsed: number };
