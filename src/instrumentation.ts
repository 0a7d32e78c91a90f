import { PHASE_PRODUCTION_BUILD } from 'next/constants';

// Starts the publishing job with the Node.js server. Public visibility never depends on it
// (stored publish times): it marks due issues published and runs their side effects. Never
// during `next build`, whose workers load this file too and must not touch the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const [{ startScheduler }, { registerPublishHook }, { prerenderIssuePdf }, { getPdfPool }] = await Promise.all([
    import('@/server/publishing/scheduler'),
    import('@/server/publishing/outbox'),
    import('@/server/publishing/pdf-prerender'),
    import('@/server/pdf/pool'),
  ]);
  // The PDF workers load and warm their fonts now, not on the first download.
  getPdfPool();
  registerPublishHook(async (event) => {
    await prerenderIssuePdf(event);
  });
  startScheduler();
}
