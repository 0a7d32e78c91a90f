import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/session';
import { proposeNextIssue } from '@/server/issues/numbering';
import { getDefaultPublicationId } from '@/server/issues/composer-queries';
import { createIssueAction } from '../actions';
import { NewIssueForm } from './new-issue-form';
import '../ban-tin.css';

export const metadata: Metadata = { title: 'Số mới' };

export default async function NewIssuePage() {
  await requirePageActor('/quan-tri/ban-tin/moi');
  const publicationId = await getDefaultPublicationId();
  const proposal = await proposeNextIssue(publicationId);
  return (
    <>
      <h1 className="admin-title">Số mới</h1>
      <p className="admin-lead">
        Số và kỳ được đề xuất theo số gần nhất và định kỳ của ấn phẩm; có thể sửa. Số mới nhận các chuyên mục mặc định.
      </p>
      <section className="admin-panel" aria-label="Thông tin số mới">
        <NewIssueForm action={createIssueAction} publicationId={publicationId} proposal={proposal} />
      </section>
    </>
  );
}
