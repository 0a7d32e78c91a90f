'use server';

import { redirect } from 'next/navigation';
import { markNotificationsRead, openNotification } from '@/server/notifications/commands';
import { runAction } from '@/server/outcome';
import { requireId } from '@/server/validation';

// Plain form actions (they work before the page's script runs): each resolves the actor, acts
// on that person's own notifications only, and leads on.

const LIST = '/quan-tri/thong-bao';

/** Marks the notification read and goes where it points (the list again if it is gone). */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const outcome = await runAction({ attempted: 'notification.open', entity: { type: 'user' }, done: '' }, (actor) =>
    openNotification(actor, requireId(formData.get('id'), 'thông báo')),
  );
  redirect(outcome.ok ? outcome.data : LIST);
}

export async function markAllReadAction(): Promise<void> {
  await runAction({ attempted: 'notification.markRead', entity: { type: 'user' }, done: '' }, (actor) =>
    markNotificationsRead(actor, { all: true }),
  );
  redirect(LIST);
}
