import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/session';
import { ROLE_LABELS } from '@/server/permissions';

export const metadata: Metadata = { title: 'Bảng điều khiển' };

export default async function DashboardPage() {
  const actor = await requirePageActor('/quan-tri');
  return (
    <>
      <h1 className="admin-title">Bảng điều khiển</h1>
      <p className="admin-lead">
        Xin chào {actor.name} ({ROLE_LABELS[actor.role]}). Chọn một mục trong thanh điều hướng phía trên để bắt đầu.
      </p>
    </>
  );
}
