import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/public/pagination';
import { requirePageActor } from '@/server/auth/session';
import { can } from '@/server/permissions';
import { ISSUE_STATUS_LABELS, listIssuesForEditors } from '@/server/issues/composer-queries';
import { formatDateTime, formatPeriod } from '@/lib/dates';
import { parsePageParam } from '@/lib/route-params';
import { formatCount, formatIssueNumber } from '@/lib/text';
import './ban-tin.css';

export const metadata: Metadata = { title: 'Số bản tin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IssuesPage({ searchParams }: Props) {
  const actor = await requirePageActor('/quan-tri/ban-tin');
  const list = await listIssuesForEditors(parsePageParam((await searchParams).trang));
  return (
    <>
      <div className="issues-heading">
        <h1 className="admin-title">Số bản tin</h1>
        <p className="issues-heading__links">
          {can(actor, 'publication.manage') ? <Link href="/quan-tri/cai-dat">Cài đặt ấn phẩm</Link> : null}
          <Link href="/quan-tri/ban-tin/nhap">Nhập bản tin</Link>
          {can(actor, 'issue.publish') ? <Link href="/quan-tri/ban-tin/nhap-so-cu">Nhập số cũ</Link> : null}
          <Link href="/quan-tri/ban-tin/moi" className="admin-button admin-button--primary">
            Số mới
          </Link>
        </p>
      </div>
      {list.total === 0 ? (
        <p className="admin-lead">Chưa có số bản tin nào.</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">
            Các số bản tin, mới nhất trước: {formatCount(list.total)} số, trang {list.page}/{list.pageCount}
          </caption>
          <thead>
            <tr>
              <th scope="col">Số</th>
              <th scope="col">Kỳ</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Bài viết</th>
              <th scope="col">Thời gian xuất bản</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((issue) => (
              <tr key={issue.id}>
                <th scope="row">
                  <Link href={`/quan-tri/ban-tin/${issue.id}`}>
                    Số {formatIssueNumber(issue.number)}/{issue.year}
                  </Link>
                </th>
                <td>{formatPeriod(issue.periodStart, issue.periodEnd)}</td>
                <td>
                  <span className={`issue-status issue-status--${issue.status.toLowerCase()}`}>{ISSUE_STATUS_LABELS[issue.status]}</span>
                </td>
                <td>{issue.articleCount}</td>
                <td>{issue.publishAt ? formatDateTime(issue.publishAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => `/quan-tri/ban-tin?trang=${page}`} />
    </>
  );
}
