import 'server-only';
import { purgeLoginAttempts } from '../auth/throttle';
import { sendDueEmails } from '../notifications/email';
import { processOutbox } from './outbox';
import { publishDueIssues } from './publish-due';

// Runs the publishing job inside the app server: once at start (catching up on whatever fell
// due while nothing ran), then every interval. Runs never overlap in a process (the next one
// is timed from the end of the previous); several processes are safe by FOR UPDATE SKIP
// LOCKED. A failing run is logged and the next one tries again: it never stops the server.

export type StopScheduler = () => Promise<void>;

// On globalThis so that a second start in the same process (a dev reload) reuses the first.
const globalForScheduler = globalThis as unknown as { bantinStopScheduler?: StopScheduler };

async function runStep(label: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    console.error(`Lịch xuất bản: ${label} lỗi, sẽ thử lại ở lượt sau.`, error);
  }
}

async function runOnce() {
  await runStep('xuất bản các số đến giờ', async () => {
    for (const issue of await publishDueIssues()) {
      if (issue.isLate) {
        console.warn(`Lịch xuất bản: số bản tin (mã ${issue.issueId}) hẹn ${issue.publishAt.toISOString()} được ghi nhận xuất bản trễ.`);
      }
    }
  });
  await runStep('tác vụ sau xuất bản', () => processOutbox());
  await runStep('gửi thư thông báo', () => sendDueEmails());
  // Housekeeping that shares the runner: sign-in attempts are only needed for a while.
  await runStep('dọn lượt đăng nhập cũ', () => purgeLoginAttempts());
}

/** Starts the job; the returned function stops it and waits for a run in progress. */
export function startScheduler({ intervalMs = 30_000 }: { intervalMs?: number } = {}): StopScheduler {
  if (globalForScheduler.bantinStopScheduler) return globalForScheduler.bantinStopScheduler;
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void>;
  const loop = () => {
    running = runOnce().then(() => {
      if (isStopped) return;
      timer = setTimeout(loop, intervalMs);
      // The job never keeps a process alive on its own (scripts, tests, shutdown).
      timer.unref();
    });
  };
  loop();
  const stop: StopScheduler = async () => {
    isStopped = true;
    clearTimeout(timer);
    if (globalForScheduler.bantinStopScheduler === stop) globalForScheduler.bantinStopScheduler = undefined;
    await running;
  };
  globalForScheduler.bantinStopScheduler = stop;
  return stop;
}
