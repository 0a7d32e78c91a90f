import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/session';
import { can } from '@/server/permissions';
import { NoAccess } from '@/components/admin/no-access';
import { ImportPage } from '@/components/import/import-page';
import { createImportedIssueAction } from '../nhap/actions';
import '../ban-tin.css';
import '../nhap/nhap.css';

export const metadata: Metadata = { title: 'Nhập số cũ' };

export default async function ImportBackIssuePage() {
  const actor = await requirePageActor('/quan-tri/ban-tin/nhap-so-cu');
  // A back issue is published at once.
  if (!can(actor, 'issue.publish')) return <NoAccess />;
  return (
    <>
      <h1 className="admin-title">Nhập số cũ</h1>
      <p className="admin-lead">
        Đưa một số đã phát hành vào kho lưu trữ: số và các bài được xuất bản ngay, tệp PDF gốc được giữ làm bản in của số. Số, kỳ và ngày
        phát hành lấy từ tệp, có thể sửa.
      </p>
      <ImportPage isArchive drafts={[]} create={createImportedIssueAction} />
    </>
  );
}
