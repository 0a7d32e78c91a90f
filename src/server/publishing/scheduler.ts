import 'server-only';
import { purgeLoginAttempts } from '../auth/throttle';
import { startScheduledBackupIfDue } from '../backup/runs';
import { log } from '../logger';
import { noteJobRun, removeSelf, reportAlive } from '../ops/instance';
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

/** Runs one step; a failure is logged and named, never thrown. */
async function runStep(label: string, step: () => Promise<unknown>): Promise<string[]> {
  try {
    await step();
    return [];
  } catch (error) {
    log.error(`Lịch xuất bản: ${label} lỗi, sẽ thử lại ở lượt sau.`, { error });
    return [label];
  }
}

async function runOnce() {
  const failed = [
    ...(await runStep('xuất bản các số đến giờ', async () => {
      for (const issue of await publishDueIssues()) {
        if (issue.isLate) {
          log.warn('Lịch xuất bản: số bản tin được ghi nhận xuất bản trễ.', { issueId: issue.issueId, publishAt: issue.publishAt });
        }
      }
    })),
    ...(await runStep('tác vụ sau xuất bản', () => processOutbox())),
    // Starts the daily backup when due and returns at once: it runs beside the next rounds.
    ...(await runStep('sao lưu định kỳ', () => startScheduledBackupIfDue())),
    ...(await runStep('gửi thư thông báo', () => sendDueEmails())),
    // Housekeeping that shares the runner: sign-in attempts are only needed for a while.
    ...(await runStep('dọn lượt đăng nhập cũ', () => purgeLoginAttempts())),
    ...(await runStep('báo máy chủ còn chạy', () => reportAlive())),
  ];
  noteJobRun(failed);
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
    await removeSelf();
  };
  globalForScheduler.bantinStopScheduler = stop;
  return stop;
}
