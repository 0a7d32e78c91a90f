import 'server-only';
import nodemailer from 'nodemailer';
import { getDb } from '../db/client';
import { getMailEnv } from '../env';

// Sends the queued notification emails (EmailOutbox), from the job runner only: a request
// never waits on a mail server. Each row is claimed with a conditional update (one sender per
// row, several app servers are safe), sent outside any transaction, then marked sent; a
// failure is kept on the row and retried later with exponential backoff, at most
// MAX_EMAIL_ATTEMPTS times. A sender that dies mid-send leaves the claim to expire: the email
// is sent again (at least once, never lost).

export const MAX_EMAIL_ATTEMPTS = 8;
/** How long a claimed row is left alone before another run may try it again. */
const CLAIM_MS = 5 * 60_000;
const BATCH_SIZE = 20;

/** Wait before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, failedAttempts - 1), 6 * 3_600_000);
}

export type MailTimeouts = { connectionTimeout: number; greetingTimeout: number; socketTimeout: number };

/** A slow mail server cannot hold the job runner for long. */
const DEFAULT_TIMEOUTS: MailTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export type SendOptions = { smtpUrl?: string | null; from?: string; now?: Date; timeouts?: MailTimeouts };

/**
 * The transport settings of an smtp:// or smtps:// address. Spelled out because nodemailer
 * ignores every other option (the timeouts) when handed a `url`.
 */
function transportOptions(smtpUrl: string, timeouts: MailTimeouts) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const auth = url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
  return { host: url.hostname, port: Number(url.port) || (secure ? 465 : 587), secure, auth, ...timeouts };
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** Sends what is due; returns how many went out and how many failed this time. */
export async function sendDueEmails(options: SendOptions = {}): Promise<{ sent: number; failed: number }> {
  const mail = getMailEnv();
  const smtpUrl = options.smtpUrl === undefined ? mail.smtpUrl : options.smtpUrl;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const now = options.now ?? new Date();
  const db = getDb();
  const due = await db.emailOutbox.findMany({
    where: { sentAt: null, attempts: { lt: MAX_EMAIL_ATTEMPTS }, nextAttemptAt: { lte: now } },
    orderBy: { id: 'asc' },
    take: BATCH_SIZE,
    select: { id: true },
  });
  if (due.length === 0) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(transportOptions(smtpUrl, options.timeouts ?? DEFAULT_TIMEOUTS));
  let sent = 0;
  let failed = 0;
  try {
    for (const { id } of due) {
      const claimed = await db.emailOutbox.updateMany({
        where: { id, sentAt: null, nextAttemptAt: { lte: now } },
        data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
      });
      if (claimed.count === 0) continue;
      const email = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
      try {
        await transport.sendMail({ from: options.from ?? mail.from, to: email.toAddress, subject: email.subject, text: email.text });
        await db.emailOutbox.update({ where: { id }, data: { sentAt: new Date(), lastError: null } });
        sent += 1;
      } catch (error) {
        failed += 1;
        const gaveUp = email.attempts >= MAX_EMAIL_ATTEMPTS;
        console.error(
          `Thư thông báo #${id} tới ${email.toAddress} chưa gửi được (lần ${email.attempts}); ${gaveUp ? 'dừng thử.' : 'sẽ thử lại.'}`,
          describeError(error),
        );
        await db.emailOutbox.update({
          where: { id },
          data: { lastError: describeError(error), nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)) },
        });
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}

export type EmailProblem = {
  id: number;
  toAddress: string;
  subject: string;
  attempts: number;
  lastError: string;
  nextAttemptAt: Date | null;
  createdAt: Date;
};

/** Emails that failed at least once and are not sent yet, newest first: for admins. */
export async function listEmailProblems(take = 20): Promise<EmailProblem[]> {
  const rows = await getDb().emailOutbox.findMany({
    where: { sentAt: null, lastError: { not: null } },
    orderBy: { id: 'desc' },
    take,
  });
  return rows.map((row) => ({
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    attempts: row.attempts,
    lastError: row.lastError ?? '',
    nextAttemptAt: row.attempts >= MAX_EMAIL_ATTEMPTS ? null : row.nextAttemptAt,
    createdAt: row.createdAt,
  }));
}
