import { PHASE_PRODUCTION_BUILD } from 'next/constants';

// Starts the page cache and the publishing job with the Node.js server. Public visibility never
// depends on the job (stored publish times): it marks due issues published and runs their side
// effects. Never during `next build`, whose workers load this file too and must not touch the
// database: pages rendered by the build are then never stored (see page-cache/runtime.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const [{ startPageCache }, { startScheduler }, { registerPublishHook }, { prerenderIssuePdf }, { getPdfPool }] = await Promise.all([
    import('@/server/page-cache/runtime'),
    import('@/server/publishing/scheduler'),
    import('@/server/publishing/outbox'),
    import('@/server/publishing/pdf-prerender'),
    import('@/server/pdf/pool'),
  ]);
  // The PDF workers load and warm their fonts now, not on the first download.
  getPdfPool();
  startPageCache();
  registerPublishHook(async (event) => {
    await prerenderIssuePdf(event);
  });
  startScheduler();
}
