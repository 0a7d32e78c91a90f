import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/server/auth/session';
import { getComposerIssue, ISSUE_STATUS_LABELS, searchAddableArticles } from '@/server/issues/composer-queries';
import { ARTICLE_STATUS_LABELS, preflightIssue, type Problem } from '@/server/issues/preflight';
import { can } from '@/server/permissions';
import { formatDateTime, formatPeriod } from '@/lib/dates';
import { parseId } from '@/lib/route-params';
import { AuditTrail } from '@/components/admin/audit-trail';
import { Composer } from '@/components/composer/composer';
import { listAuditTrail } from '@/server/audit/queries';
import { formatIssueNumber } from '@/lib/text';
import { composeIssueAction, issuePagePlanAction, releaseIssueAction, unpublishIssueAction } from '../actions';
import { ReleaseForm, UnpublishForm } from './release-forms';
import '../ban-tin.css';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const issue = id ? await getComposerIssue(id) : null;
  return { title: issue ? `Số ${formatIssueNumber(issue.number)}/${issue.year}` : 'Không tìm thấy số bản tin' };
}

const HOUR_MS = 3_600_000;

/** The start of the hour after next: a first proposal for "Thời gian xuất bản". */
const nextFullHour = () => new Date((Math.floor(Date.now() / HOUR_MS) + 2) * HOUR_MS);

function ProblemList({ id, problems }: { id: string; problems: Problem[] }) {
  return (
    <ul id={id} className="preflight__list">
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.message}
          {problem.articleId ? (
            <>
              {' '}
              <Link href={`/quan-tri/bai-viet/${problem.articleId}`}>Sửa bài viết</Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function ComposerPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const actor = await requirePageActor(`/quan-tri/ban-tin/${rawId}`);
  const id = parseId(rawId);
  const issue = id ? await getComposerIssue(id) : null;
  if (!issue) notFound();
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q : '';
  const isDraft = issue.status === 'DRAFT';
  const [report, candidates, history] = await Promise.all([
    preflightIssue(issue.id),
    isDraft ? searchAddableArticles(query) : [],
    listAuditTrail('issue', issue.id),
  ]);
  const canRelease = can(actor, 'issue.schedule') || can(actor, 'issue.publish');
  const issueRef = { id: issue.id, version: issue.version };

  return (
    <>
      <h1 className="admin-title">
        Số {formatIssueNumber(issue.number)}/{issue.year}
      </h1>
      <p className="issue-facts">
        <span>Kỳ {formatPeriod(issue.periodStart, issue.periodEnd)}</span>
        <span className={`issue-status issue-status--${issue.status.toLowerCase()}`}>{ISSUE_STATUS_LABELS[issue.status]}</span>
        {issue.publishAt ? <span>Xuất bản lúc {formatDateTime(issue.publishAt)}</span> : null}
      </p>
      <p className="issue-links">
        <Link href={`/quan-tri/ban-tin/${issue.id}/xem-truoc`}>Xem trước</Link>
        <a href={`/quan-tri/ban-tin/${issue.id}/pdf`} download>
          Tải PDF
        </a>
      </p>
      {isDraft ? null : (
        <p className="admin-lead">
          Số này {ISSUE_STATUS_LABELS[issue.status].toLowerCase()} nên bố cục không sửa được.{' '}
          {canRelease
            ? 'Gỡ lịch hoặc gỡ xuất bản bên dưới để sắp xếp lại.'
            : 'Lãnh đạo phòng có thể gỡ lịch hoặc gỡ xuất bản để sắp xếp lại.'}
        </p>
      )}

      <Composer
        issue={{ id: issue.id, version: issue.version, sections: issue.sections }}
        isEditable={isDraft}
        compose={composeIssueAction}
        pagePlan={issuePagePlanAction}
        query={query}
        candidates={candidates.map((article) => ({
          id: article.id,
          title: article.title,
          tags: article.tags,
          statusLabel: ARTICLE_STATUS_LABELS[article.status],
        }))}
      />

      <section aria-labelledby="tieu-de-kiem-tra" className="admin-panel preflight">
        <h2 id="tieu-de-kiem-tra">Kiểm tra trước khi xuất bản</h2>
        {report.blocking.length === 0 && report.warnings.length === 0 ? <p>Không có vấn đề nào.</p> : null}
        {report.blocking.length ? (
          <>
            <h3 className="preflight__heading preflight__heading--blocking">
              Cần sửa trước khi lên lịch hoặc xuất bản ({report.blocking.length})
            </h3>
            <ProblemList id="loi-chan" problems={report.blocking} />
          </>
        ) : null}
        {report.warnings.length ? (
          <>
            <h3 className="preflight__heading">Cảnh báo ({report.warnings.length})</h3>
            <ProblemList id="canh-bao" problems={report.warnings} />
          </>
        ) : null}
      </section>

      {canRelease ? (
        <section aria-labelledby="tieu-de-xuat-ban" className="admin-panel">
          <h2 id="tieu-de-xuat-ban">Xuất bản</h2>
          {issue.status === 'PUBLISHED' ? null : (
            <ReleaseForm
              action={releaseIssueAction}
              issue={issueRef}
              canSchedule={can(actor, 'issue.schedule')}
              defaultPublishAt={formatDateTime(issue.publishAt ?? nextFullHour())}
              warningsId={report.warnings.length ? 'canh-bao' : null}
            />
          )}
          {isDraft || !can(actor, 'issue.unpublish') ? null : (
            <>
              <h3>{issue.status === 'PUBLISHED' ? 'Gỡ xuất bản' : 'Gỡ lịch'}</h3>
              <UnpublishForm
                action={unpublishIssueAction}
                issue={issueRef}
                label={issue.status === 'PUBLISHED' ? 'Gỡ xuất bản' : 'Gỡ lịch'}
              />
            </>
          )}
        </section>
      ) : null}

      <AuditTrail entries={history.entries} headingId="lich-su-so" />
    </>
  );
}
