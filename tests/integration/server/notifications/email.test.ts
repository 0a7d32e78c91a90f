import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/server/articles/commands';
import type { Actor } from '@/server/auth/session';
import { addComment } from '@/server/comments/commands';
import { getDb } from '@/server/db/client';
import { listEmailProblems, MAX_EMAIL_ATTEMPTS, retryDelayMs, sendDueEmails } from '@/server/notifications/email';
import { actorFor } from '../../../factories/users';

// Notification emails, against a real SMTP server started here: queued with the notification
// when SMTP_URL is set, sent only by the job, retried with backoff when the server is down or
// slow, and the failure kept for admins to see.

type Received = { to: string[]; raw: string };
type Server = { url: string; received: Received[]; connections: number; close: () => Promise<void> };

const servers: Server[] = [];

async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<Server> {
  const state = { received: [] as Received[], connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const handle: Server = {
    url: `smtp://127.0.0.1:${port}`,
    received: state.received,
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(handle);
  return handle;
}

/** A MIME message as a person reads it: encoded words in the headers, quoted-printable in the body. */
function readable(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');
  const bytes = (qp: string) => qp.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const headers = head
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : utf8(bytes(data.replace(/_/g, ' '))),
    );
  const body = utf8(bytes(rest.join('\n\n').replace(/=\r?\n/g, '')));
  return `${headers}\n\n${body}`;
}

let editor: Actor;
let approver: Actor;
const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] };

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

afterEach(async () => {
  delete process.env.SMTP_URL;
  await Promise.all(servers.splice(0).map((server) => server.close()));
  // Each test sends only its own emails.
  await getDb().emailOutbox.deleteMany({});
});

async function commentedArticle(title: string) {
  const article = await createArticle(editor, { title: `${title} ${Date.now()}`, body: doc, tags: [] });
  await addComment(approver, article.id, { body: 'Cần bổ sung số liệu năm 2025.' });
  return article;
}

describe('notification emails', () => {
  it('are queued with the notification and sent by the job, never by the request', async () => {
    const smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    const article = await commentedArticle('Bài gửi thư');
    // The comment is stored and its email queued; the mail server has not been contacted.
    expect(smtp.connections).toBe(0);
    const queued = await getDb().emailOutbox.findMany();
    expect(queued).toEqual([expect.objectContaining({ toAddress: 'bientap@demo.local', attempts: 0, sentAt: null })]);

    expect(await sendDueEmails()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0]!;
    expect(message.to).toEqual(['bientap@demo.local']);
    const text = readable(message.raw);
    expect(text).toContain(
      `[Bản tin CCHC] Trần Văn Duyệt bình luận về bài “${(await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).title}”`,
    );
    expect(text).toContain('Cần bổ sung số liệu năm 2025.');
    expect(text).toContain(`/quan-tri/bai-viet/${article.id}#binh-luan`);
    expect(await getDb().emailOutbox.findFirstOrThrow()).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
    // Sent once: the next run has nothing to do.
    expect(await sendDueEmails()).toEqual({ sent: 0, failed: 0 });
  });

  it('are not queued without SMTP_URL', async () => {
    await commentedArticle('Bài không có máy chủ thư');
    expect(await getDb().emailOutbox.count()).toBe(0);
  });

  it('retry with backoff while the server is down, then stop and stay visible to admins', async () => {
    const gone = await startSmtp();
    process.env.SMTP_URL = gone.url;
    await commentedArticle('Bài máy chủ thư tắt');
    await gone.close();
    const t0 = new Date();
    expect(await sendDueEmails({ now: t0 })).toEqual({ sent: 0, failed: 1 });
    const first = await getDb().emailOutbox.findFirstOrThrow();
    expect(first.attempts).toBe(1);
    expect(first.lastError).toMatch(/ECONNREFUSED/);
    expect(first.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    // Not yet due: nothing is tried.
    expect(await sendDueEmails({ now: new Date(t0.getTime() + retryDelayMs(1) - 1) })).toEqual({ sent: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    expect(await sendDueEmails({ now: t1 })).toEqual({ sent: 0, failed: 1 });
    const second = await getDb().emailOutbox.findFirstOrThrow();
    expect(second.nextAttemptAt.getTime()).toBe(t1.getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    // The last attempt fails too: no more tries, and admins see it.
    await getDb().emailOutbox.updateMany({ data: { attempts: MAX_EMAIL_ATTEMPTS - 1, nextAttemptAt: t1 } });
    expect(await sendDueEmails({ now: t1 })).toEqual({ sent: 0, failed: 1 });
    expect(await sendDueEmails({ now: new Date(t1.getTime() + 365 * 86_400_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await listEmailProblems()).toEqual([
      expect.objectContaining({
        toAddress: 'bientap@demo.local',
        attempts: MAX_EMAIL_ATTEMPTS,
        nextAttemptAt: null,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      }),
    ]);
  });

  it('give up on a server that never answers and go out once a working one is back', async () => {
    const silent = await startSmtp({
      // Accepts the connection, then never finishes the message.
      onData(stream) {
        stream.resume();
      },
    });
    process.env.SMTP_URL = silent.url;
    await commentedArticle('Bài máy chủ thư chậm');
    const timeouts = { connectionTimeout: 500, greetingTimeout: 500, socketTimeout: 500 };
    const t0 = new Date();
    expect(await sendDueEmails({ now: t0, timeouts })).toEqual({ sent: 0, failed: 1 });
    expect((await getDb().emailOutbox.findFirstOrThrow()).lastError).toMatch(/timeout/i);
    expect(silent.received).toHaveLength(0);

    const working = await startSmtp();
    expect(await sendDueEmails({ now: new Date(t0.getTime() + retryDelayMs(1)), smtpUrl: working.url, timeouts })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(working.received.map((message) => message.to)).toEqual([['bientap@demo.local']]);
    expect(await listEmailProblems()).toEqual([]);
  });
});
