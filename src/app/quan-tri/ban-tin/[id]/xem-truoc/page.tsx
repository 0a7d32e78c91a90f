import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IssuePage } from '@/components/public/issue-page';
import { requirePageActor } from '@/server/auth/session';
import { getIssueView } from '@/server/issues/queries';
import { formatIssueNumber } from '@/lib/text';
import { parseId } from '@/lib/route-params';

export const metadata: Metadata = { title: 'Xem trước' };

type Props = { params: Promise<{ id: string }> };

// The issue exactly as the public page renders it, drafts and scheduled articles included.
export default async function PreviewPage({ params }: Props) {
  const { id: rawId } = await params;
  await requirePageActor(`/quan-tri/ban-tin/${rawId}/xem-truoc`);
  const id = parseId(rawId);
  const issue = id ? await getIssueView({ id }, { visibility: 'editorial' }) : null;
  if (!issue) notFound();
  return (
    <>
      <p className="preview-note" role="note">
        Bản xem trước của Số {formatIssueNumber(issue.number)}/{issue.year}, đúng như trang công khai sẽ hiển thị.{' '}
        <Link href={`/quan-tri/ban-tin/${issue.id}`}>Quay lại soạn số</Link>
      </p>
      <div className="preview-frame">
        <IssuePage issue={issue} />
      </div>
    </>
  );
}
