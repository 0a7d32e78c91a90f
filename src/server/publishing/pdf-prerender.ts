import 'server-only';
import { getIssueView } from '../issues/queries';
import { getIssuePdf, type StoredPdf } from '../pdf/cache';
import type { OutboxEvent } from './outbox';

/**
 * Outbox handler: renders a just-published (or changed) issue's PDF into the cache, so the
 * first reader downloads a stored file instead of waiting for a render.
 */
export async function prerenderIssuePdf(event: OutboxEvent): Promise<StoredPdf | null> {
  if (event.kind === 'issue.unpublished') return null;
  const issue = await getIssueView({ id: event.issueId }, { visibility: 'public' });
  return issue ? getIssuePdf(issue) : null;
}
