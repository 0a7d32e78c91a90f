// Publications, issues and images for the issue and publishing tests. Issues are made through
// the domain commands, so they start exactly as the composer would leave them.
import { getDb } from '@/server/db/client';
import { addArticleToIssue } from '@/server/issues/commands';
import { createIssue } from '@/server/issues/numbering';
import type { IssueVersion } from '@/server/issues/versioning';
import type { PermissionActor } from '@/server/permissions';
import type { Cadence, PageSize } from '@/generated/prisma/enums';
import { createArticle } from './articles';

let counter = 0;

/** A publication of its own, so a test file's issues never touch the demo issues' numbering. */
export async function createPublication(options: { cadence?: Cadence; pageSize?: PageSize } = {}) {
  counter += 1;
  return getDb().publication.create({
    data: {
      slug: `an-pham-thu-${counter}-${Date.now().toString(36)}`,
      mastheadTitle: 'BẢN TIN THỬ NGHIỆM',
      agencyName: 'Phòng thử nghiệm',
      creditLabel: 'BIÊN TẬP VÀ TRÌNH BÀY',
      creditLine: 'Phòng thử nghiệm',
      cadence: options.cadence ?? 'BIWEEKLY',
      pageSize: options.pageSize ?? 'A4',
      defaultSections: {
        create: [
          { title: 'Thông tin CCHC của Trung ương', position: 0, expectsSource: true },
          { title: 'Thông tin CCHC của tỉnh', position: 1, expectsSource: false },
        ],
      },
    },
  });
}

const DAY_MS = 86_400_000;

export type TestIssue = IssueVersion & { number: number; sections: { id: number; title: string }[] };

/**
 * A draft issue of the publication: the next test number of 2040 and a week of its own (no
 * two test issues overlap unless a test asks for it).
 */
export async function createDraftIssue(
  actor: PermissionActor,
  publicationId: number,
  options: { periodStart?: string; periodEnd?: string } = {},
): Promise<TestIssue> {
  const number = ++counter;
  const start = new Date(Date.UTC(2040, 0, 1) + number * 7 * DAY_MS);
  const created = await createIssue(actor, {
    publicationId,
    number,
    year: 2040,
    periodStart: options.periodStart ?? start.toISOString().slice(0, 10),
    periodEnd: options.periodEnd ?? new Date(start.getTime() + 6 * DAY_MS).toISOString().slice(0, 10),
  });
  const sections = await getDb().issueSection.findMany({
    where: { issueId: created.id },
    orderBy: { position: 'asc' },
    select: { id: true, title: true },
  });
  return { ...created, number, sections };
}

/** Approved articles with a source, so that only what a test sets up shows in the preflight. */
export async function approvedArticles(titles: string[]) {
  const articles = [];
  for (const title of titles) {
    const article = await createArticle({ title, status: 'APPROVED' });
    articles.push(
      await getDb().article.update({
        where: { id: article.id },
        data: { sourceOutlet: 'Báo Chính phủ', sourceUrl: 'https://baochinhphu.vn/' },
      }),
    );
  }
  return articles;
}

/** Places the articles at the end of the section, one composing step each; the last version. */
export async function placeArticles(
  actor: PermissionActor,
  issue: IssueVersion,
  sectionId: number,
  articleIds: number[],
): Promise<IssueVersion> {
  let current = issue;
  for (const articleId of articleIds) {
    current = await addArticleToIssue(actor, issue.id, { expectedVersion: current.version, articleId, sectionId });
  }
  return current;
}

/** An image in the library `width` pixels wide. */
export async function createMedia(width: number) {
  counter += 1;
  return getDb().media.create({
    data: {
      storageKey: `thu-nghiem/${counter}-${Date.now().toString(36)}.jpg`,
      mimeType: 'image/jpeg',
      width,
      height: Math.round(width * 0.66),
      byteSize: 1000,
      sha256: 'x'.repeat(64),
    },
  });
}
