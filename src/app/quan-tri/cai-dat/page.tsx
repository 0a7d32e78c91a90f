import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/session';
import { NoAccess } from '@/components/admin/no-access';
import { can } from '@/server/permissions';
import { getSiteIdentity } from '@/server/publication/queries';
import { formatCalendarDate } from '@/lib/dates';
import { BODY_COLUMN_LABELS, CADENCE_LABELS, getPublicationSettings, PAGE_SIZE_LABELS } from '@/server/publication/commands';
import { updateSettingsAction, uploadLogoAction } from './actions';
import { LogoForm } from './logo-form';
import { SettingsForm } from './settings-form';
import './cai-dat.css';

export const metadata: Metadata = { title: 'Cài đặt' };

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function SettingsPage() {
  const actor = await requirePageActor('/quan-tri/cai-dat');
  if (!can(actor, 'publication.manage')) {
    return <NoAccess />;
  }
  const [{ licenceDate, ...settings }, site] = await Promise.all([getPublicationSettings(actor), getSiteIdentity()]);
  return (
    <>
      <h1 className="admin-title">Cài đặt ấn phẩm</h1>
      <p className="admin-lead">
        Tên ấn phẩm, cơ quan và dòng biên tập hiện trên mọi trang và trên bản PDF. Chuyên mục mặc định dùng cho các số tạo từ nay; các số đã
        có giữ chuyên mục của mình.
      </p>
      <LogoForm action={uploadLogoAction} publicationId={settings.publicationId} logoMediaId={site?.logoMediaId ?? null} />
      <SettingsForm
        action={updateSettingsAction}
        settings={{
          ...settings,
          bodyColumns: String(settings.bodyColumns),
          licenceDate: licenceDate ? formatCalendarDate(licenceDate) : '',
        }}
        pageSizes={options(PAGE_SIZE_LABELS)}
        cadences={options(CADENCE_LABELS)}
        bodyColumns={options(BODY_COLUMN_LABELS)}
      />
    </>
  );
}
