// Rows for tests, written straight to the test file's own database.
import { getDb } from '@/server/db/client';
import type { ArticleStatus } from '@/generated/prisma/enums';

let counter = 0;

export async function createArticle(
  options: {
    title?: string;
    status?: ArticleStatus;
    publishAt?: Date | null;
    text?: string;
    lead?: string | null;
    tagSlugs?: string[];
  } = {},
) {
  const db = getDb();
  counter += 1;
  const author = await db.user.findFirstOrThrow({ where: { role: 'EDITOR' } });
  const tags = options.tagSlugs ? await db.tag.findMany({ where: { slug: { in: options.tagSlugs } } }) : [];
  const title = options.title ?? `Bài thử nghiệm ${counter}`;
  return db.article.create({
    data: {
      title,
      slug: `bai-thu-nghiem-${counter}-${Date.now().toString(36)}`,
      lead: options.lead ?? null,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: options.text ?? 'Nội dung thử nghiệm.' }] }] },
      status: options.status ?? 'DRAFT',
      publishAt: options.publishAt ?? null,
      authorId: author.id,
      tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
    },
  });
}

/** A new issue of the demo publication, with one section holding the given articles. */
export async function createIssueWith(
  articleIds: number[],
  options: { number: number; year?: number; status?: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED'; publishAt?: Date | null },
) {
  const db = getDb();
  const publication = await db.publication.findFirstOrThrow();
  return db.issue.create({
    data: {
      publicationId: publication.id,
      number: options.number,
      year: options.year ?? 2025,
      status: options.status ?? 'DRAFT',
      publishAt: options.publishAt ?? null,
      periodStart: new Date('2025-11-10'),
      periodEnd: new Date('2025-11-23'),
      sections: {
        create: {
          title: 'Thông tin CCHC của tỉnh',
          position: 0,
          placements: { create: articleIds.map((articleId, position) => ({ articleId, position })) },
        },
      },
    },
  });
}
