import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

// The one definition of "public". Visibility follows the stored publish time, so scheduled
// content appears at its time even if no process ran then. Every public read uses these.

export function publicIssueWhere(now: Date): Prisma.IssueWhereInput {
  return { status: { in: ['SCHEDULED', 'PUBLISHED'] }, publishAt: { lte: now } };
}

export function publicArticleWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    OR: [
      { status: 'PUBLISHED', publishAt: { lte: now } },
      // An approved article of a scheduled issue becomes public with its issue (before the job
      // marks both published). In an issue already marked published, an approved article is
      // one taken off and approved again: it waits for "Xuất bản".
      { status: 'APPROVED', placement: { section: { issue: { status: 'SCHEDULED', publishAt: { lte: now } } } } },
    ],
  };
}
