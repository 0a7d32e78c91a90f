'use client';

import { useMemo, useState, useTransition } from 'react';
import { applyReviewEdits, articleCount, droppedArticles, withEdit } from '@/lib/import-review';
import type { ReviewEdit } from '@/schemas/import';
import { ArticleCard } from './article-card';
import { IssueFields, targetInput, type DraftIssueOption, type TargetValues } from './issue-fields';
import { SourcePane } from './source-pane';
import type { ReviewPayload } from './upload';
import { fieldErrorsOf, type FormState } from '@/components/admin/form-state';
import { formatCalendarDate, parseCalendarDate } from '@/lib/dates';

type CreateAction = (input: unknown) => Promise<FormState>;

const today = () => new Date().toISOString().slice(0, 10);

/** An ISO date of the proposal as the office types it (dd/mm/yyyy); the form takes either. */
const typedDate = (iso: string | null | undefined) => (iso ? formatCalendarDate(parseCalendarDate(iso)) : '');

/** The proposed issue next to the source text; the editor's changes are kept as a list of edits. */
export function ReviewScreen({
  payload,
  isArchive,
  drafts,
  create,
  onRestart,
}: {
  payload: ReviewPayload;
  isArchive: boolean;
  drafts: DraftIssueOption[];
  create: CreateAction;
  onRestart: () => void;
}) {
  const { proposal } = payload;
  const [edits, setEdits] = useState<ReviewEdit[]>([]);
  const [focusLine, setFocusLine] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<FormState>(null);
  const [isPending, startTransition] = useTransition();
  const [target, setTarget] = useState<TargetValues>({
    kind: isArchive ? 'archive' : 'new',
    number: String(proposal.number ?? ''),
    year: String(proposal.year ?? ''),
    periodStart: typedDate(proposal.periodStart),
    periodEnd: typedDate(proposal.periodEnd),
    publishedOn: typedDate(proposal.periodEnd ?? today()),
    issueId: '',
  });
  const view = useMemo(() => {
    try {
      return { issue: applyReviewEdits(proposal, edits), error: null };
    } catch (error) {
      return { issue: proposal, error: (error as Error).message };
    }
  }, [proposal, edits]);
  const dropped = useMemo(() => droppedArticles(proposal, edits), [proposal, edits]);
  const edit = (next: ReviewEdit | { op: 'restoreArticle'; article: string }) => setEdits((current) => withEdit(current, next));
  const count = articleCount(view.issue);
  let number = 0;

  const submit = () =>
    startTransition(async () => {
      setOutcome(null);
      const result = await create({ token: payload.token, edits, target: targetInput(target, drafts) });
      if (result) setOutcome(result);
    });

  return (
    <div className="import-review">
      <div className="import-review__proposal">
        <p className="admin-lead">
          Tệp <strong>{payload.fileName}</strong>: {view.issue.sections.length} chuyên mục, {count} bài, {payload.photos} ảnh.{' '}
          <button type="button" className="admin-button admin-button--quiet" onClick={onRestart}>
            Chọn tệp khác
          </button>
        </p>
        {proposal.warnings.length ? (
          <ul className="import-warnings" aria-label="Cần kiểm tra">
            {proposal.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}
        <IssueFields
          values={target}
          onChange={setTarget}
          drafts={drafts}
          numberTaken={payload.numberTaken && target.number === String(proposal.number)}
          fieldErrors={fieldErrorsOf(outcome)}
        />
        {view.error ? <p role="alert">{view.error}</p> : null}
        {view.issue.sections.map((section) => (
          <section key={section.id} className="import-section" aria-label={`Chuyên mục ${section.title}`}>
            <label htmlFor={`chuyen-muc-${section.id}`}>Chuyên mục</label>
            <input
              id={`chuyen-muc-${section.id}`}
              className="import-section__title"
              defaultValue={section.title}
              key={section.title}
              onBlur={(event) => {
                const title = event.target.value.trim();
                if (title && title !== section.title) edit({ op: 'renameSection', section: section.id, title });
              }}
            />
            <ol className="import-articles">
              {section.articles.map((article) => (
                <ArticleCard
                  key={article.id}
                  article={article}
                  number={++number}
                  sections={view.issue.sections}
                  sectionId={section.id}
                  isFirst={number === 1}
                  onEdit={edit}
                  onShowSource={setFocusLine}
                />
              ))}
            </ol>
          </section>
        ))}
        {dropped.length ? (
          <section className="import-dropped" aria-label="Bài đã bỏ">
            <h2>Bài đã bỏ</h2>
            <ul>
              {dropped.map((article) => (
                <li key={article.id}>
                  {article.title}{' '}
                  <button
                    type="button"
                    className="admin-button admin-button--quiet"
                    onClick={() => edit({ op: 'restoreArticle', article: article.id })}
                  >
                    Khôi phục
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="import-review__submit">
          <button
            type="button"
            className="admin-button admin-button--primary"
            onClick={submit}
            disabled={isPending || count === 0}
            aria-busy={isPending}
          >
            Tạo số
          </button>
          {isPending ? <span role="status">Đang tạo số và {count} bài viết…</span> : null}
          <div role="alert" className="form-outcome form-outcome--error">
            {outcome && !outcome.ok ? <p>{outcome.message}</p> : null}
          </div>
        </div>
      </div>
      <SourcePane lines={payload.sourceText} focusLine={focusLine} />
    </div>
  );
}
