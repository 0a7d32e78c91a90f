import 'server-only';
import type { NotificationKind } from '@/generated/prisma/enums';
import { formatIssueNumber } from '@/lib/text';

// A notification in words, the same in the list and in the email.

export type NotificationSubject = {
  kind: NotificationKind;
  actor: string | null;
  article: { id: number; title: string } | null;
  issue: { id: number; number: number; year: number } | null;
  commentId: number | null;
};

/** The anchor of the comment thread on the article page. */
export const COMMENTS_ANCHOR = 'binh-luan';

export function describeNotification({ kind, actor, article, issue, commentId }: NotificationSubject): { text: string; href: string } {
  const who = actor ?? 'Một đồng nghiệp';
  const title = article ? `“${article.title}”` : '';
  const issueName = issue ? `Số ${formatIssueNumber(issue.number)}/${issue.year}` : 'Số bản tin';
  const articleHref = article ? `/quan-tri/bai-viet/${article.id}` : '/quan-tri';
  const threadHref = commentId ? `${articleHref}#${COMMENTS_ANCHOR}` : articleHref;
  const issueHref = issue ? `/quan-tri/ban-tin/${issue.id}` : '/quan-tri/ban-tin';
  switch (kind) {
    case 'RETURNED':
      return { text: `${who} đã trả lại bài ${title}`, href: threadHref };
    case 'APPROVED':
      return { text: `${who} đã duyệt bài ${title}`, href: articleHref };
    case 'SUBMITTED':
      return { text: `${who} gửi duyệt bài ${title}`, href: articleHref };
    case 'COMMENTED':
      return { text: `${who} bình luận về bài ${title}`, href: threadHref };
    case 'MENTIONED':
      return { text: `${who} nhắc đến bạn trong bình luận về bài ${title}`, href: threadHref };
    case 'ISSUE_PUBLISHED':
      return { text: `${issueName} đã được xuất bản theo lịch`, href: issueHref };
    case 'PUBLISH_FAILED':
      return { text: `Không xuất bản được ${issueName} đúng giờ hẹn`, href: issueHref };
  }
}
