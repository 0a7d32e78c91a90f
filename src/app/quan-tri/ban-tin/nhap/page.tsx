import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/session';
import { listDraftTargets } from '@/server/import/review-session';
import { can } from '@/server/permissions';
import { NoAccess } from '@/components/admin/no-access';
import { ImportPage } from '@/components/import/import-page';
import { createImportedIssueAction } from './actions';
import '../ban-tin.css';
import './nhap.css';

export const metadata: Metadata = { title: 'Nhập bản tin' };

export default async function ImportBulletinPage() {
  const actor = await requirePageActor('/quan-tri/ban-tin/nhap');
  if (!can(actor, 'issue.compose')) return <NoAccess />;
  return (
    <>
      <h1 className="admin-title">Nhập bản tin</h1>
      <p className="admin-lead">
        Tải lên bản tin Word, PDF, trang web hoặc văn bản: hệ thống đề xuất số, chuyên mục và các bài; kiểm tra, sửa rồi bấm “Tạo số”. Các
        bài được tạo ở trạng thái Nháp.
      </p>
      <ImportPage isArchive={false} drafts={await listDraftTargets()} create={createImportedIssueAction} />
    </>
  );
}
