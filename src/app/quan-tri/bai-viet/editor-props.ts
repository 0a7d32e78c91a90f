import 'server-only';
import type { ArticleEditorProps } from '@/components/editor/article-editor';
import type { ArticleStatusCode } from '@/components/editor/types';
import { editorAbilities } from '@/server/articles/abilities';
import { getEditableArticle, listFilterChoices } from '@/server/articles/editorial-queries';
import { NotFoundError } from '@/server/errors';
import { ARTICLE_STATUS_LABELS } from '@/server/issues/preflight';
import type { PermissionActor } from '@/server/permissions';
import { notFound } from 'next/navigation';

const STATUSES: ArticleStatusCode[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED'];

/** What the editor needs besides the article: buttons per status for this person, labels, tags. */
export async function editorContext(actor: PermissionActor, authorId: number) {
  const { tags } = await listFilterChoices();
  return {
    abilitiesByStatus: Object.fromEntries(
      STATUSES.map((status) => [status, editorAbilities(actor, { authorId, status })]),
    ) as ArticleEditorProps['abilitiesByStatus'],
    statusLabels: ARTICLE_STATUS_LABELS,
    knownTags: tags.map((tag) => tag.name),
  };
}

/** A numeric route parameter (`[id]`, `[version]`), or a 404. */
export function parseRouteNumber(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  return Number(raw);
}

/** An article for an editorial page; a missing one is a 404. */
export async function loadArticleOr404(id: number) {
  try {
    return await getEditableArticle(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
