import { countUnread } from '@/server/notifications/queries';
import { runRoute } from '@/server/outcome';

// The bell's count, asked for now and then by the open page. Reads only.
export async function GET() {
  return runRoute({ attempted: 'notification.count', entity: { type: 'user' } }, async (actor) =>
    Response.json({ unread: await countUnread(actor) }, { headers: { 'Cache-Control': 'private, no-store' } }),
  );
}
