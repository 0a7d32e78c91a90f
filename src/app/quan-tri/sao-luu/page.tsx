import type { Metadata } from 'next';
import { NoAccess } from '@/components/admin/no-access';
import { requirePageActor } from '@/server/auth/session';
import { BACKUP_STATUS_LABELS, BACKUP_TRIGGER_LABELS, listBackupRuns } from '@/server/backup/runs';
import { getBackupSettings } from '@/server/backup/settings';
import { getReadiness } from '@/server/ops/readiness';
import { can } from '@/server/permissions';
import { formatBytes } from '@/lib/bytes';
import { formatDateTime } from '@/lib/dates';
import { startBackupAction, updateBackupSettingsAction } from './actions';
import { BackupSettingsForm, StartBackupForm } from './backup-forms';
import './sao-luu.css';

export const metadata: Metadata = { title: 'Sao lưu' };

export default async function BackupPage() {
  const actor = await requirePageActor('/quan-tri/sao-luu');
  if (!can(actor, 'system.manage')) return <NoAccess />;
  const [settings, runs, readiness] = await Promise.all([getBackupSettings(actor), listBackupRuns(actor), getReadiness()]);
  const isRunning = runs.some((run) => run.status === 'RUNNING');
  const { migrations, jobRunner } = readiness;
  return (
    <>
      <h1 className="admin-title">Sao lưu</h1>
      <p className="admin-lead">
        Mỗi bản sao lưu là một tệp .tar gồm cơ sở dữ liệu, toàn bộ ảnh và bản kê kiểm tra. Khôi phục trên máy chủ bằng lệnh{' '}
        <code>npm run restore -- tệp.tar</code> (xem docs/deploy.md).
      </p>
      <section className="admin-panel" aria-labelledby="lich-sao-luu">
        <h2 id="lich-sao-luu">Lịch sao lưu</h2>
        <BackupSettingsForm action={updateBackupSettingsAction} settings={settings} />
      </section>
      <section className="admin-panel" aria-labelledby="cac-lan-sao-luu">
        <h2 id="cac-lan-sao-luu">Các lần sao lưu</h2>
        <StartBackupForm action={startBackupAction} isRunning={isRunning} />
        {runs.length === 0 ? (
          <p>Chưa có bản sao lưu nào.</p>
        ) : (
          <div className="backup-runs">
            <table className="admin-table">
              <caption className="visually-hidden">Các lần sao lưu, mới nhất trước</caption>
              <thead>
                <tr>
                  <th scope="col">Bắt đầu</th>
                  <th scope="col">Cách chạy</th>
                  <th scope="col">Kết quả</th>
                  <th scope="col">Kích thước</th>
                  <th scope="col">Tệp hoặc lỗi</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td>{formatDateTime(run.startedAt)}</td>
                    <td>{BACKUP_TRIGGER_LABELS[run.trigger]}</td>
                    <td className={`backup-status--${run.status.toLowerCase()}`}>{BACKUP_STATUS_LABELS[run.status]}</td>
                    <td>{run.byteSize === null ? '—' : formatBytes(run.byteSize)}</td>
                    <td className="backup-file">{run.status === 'FAILED' ? run.error : (run.file ?? '—')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="admin-panel" aria-labelledby="tinh-trang">
        <h2 id="tinh-trang">Tình trạng máy chủ</h2>
        <dl className="backup-facts">
          <dt>Cơ sở dữ liệu</dt>
          <dd>
            {migrations.isUpToDate
              ? `Đúng phiên bản (migration ${migrations.current})`
              : `Lệch phiên bản: chưa áp dụng ${migrations.pending.join(', ') || 'không'}; mã nguồn thiếu ${migrations.unknown.join(', ') || 'không'}`}
          </dd>
          <dt>Tác vụ nền</dt>
          <dd>
            {jobRunner.lastRunAt
              ? `Lượt gần nhất ${formatDateTime(jobRunner.lastRunAt)}, ${jobRunner.lastRunOk ? 'không lỗi' : `lỗi: ${jobRunner.failedSteps.join(', ')}`}`
              : 'Chưa chạy trên máy chủ này'}
            {` · ${jobRunner.outboxBacklog} việc sau xuất bản đang chờ, ${jobRunner.outboxFailed} việc lỗi, ${jobRunner.overdueIssues} số quá giờ chưa xuất bản`}
          </dd>
          {readiness.disk.map((disk) => (
            <div key={disk.path}>
              <dt>{disk.path === settings.directory ? 'Trống ở thư mục sao lưu' : 'Trống ở thư mục ảnh'}</dt>
              <dd>
                {formatBytes(disk.freeBytes)} / {formatBytes(disk.totalBytes)} tại {disk.path}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
