'use client';

import Form from 'next/form';
import type { ComposerSection } from './composer-layout';

export type Candidate = { id: number; title: string; tags: string[]; statusLabel: string };

/** Approved articles not yet in any issue, searchable, added to a chosen section. */
export function AddArticlePanel({
  issueId,
  sections,
  candidates,
  query,
  isBusy,
  onAdd,
}: {
  issueId: number;
  sections: ComposerSection[];
  candidates: Candidate[];
  query: string;
  isBusy: boolean;
  onAdd: (articleId: string, sectionId: string) => void;
}) {
  return (
    <section aria-labelledby="tieu-de-them-bai" className="admin-panel">
      <h2 id="tieu-de-them-bai">Thêm bài viết</h2>
      <Form action={`/quan-tri/ban-tin/${issueId}`} className="admin-form admin-form--inline" role="search" aria-label="Tìm bài đã duyệt">
        <label htmlFor="tim-bai">Tìm theo tiêu đề hoặc chủ đề</label>
        <input id="tim-bai" name="q" type="search" defaultValue={query} maxLength={200} />
        <button type="submit" className="admin-button">
          Tìm
        </button>
      </Form>
      {candidates.length === 0 ? (
        <p className="composer__empty">
          {query ? `Không có bài đã duyệt nào chưa thuộc số nào khớp “${query}”.` : 'Không có bài đã duyệt nào chưa thuộc số nào.'}
        </p>
      ) : sections.length === 0 ? (
        <p className="composer__empty">Cần thêm một chuyên mục trước khi thêm bài viết.</p>
      ) : (
        <form
          className="admin-form"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const articleId = String(data.get('articleId') ?? '');
            if (!isBusy && articleId) onAdd(articleId, String(data.get('sectionId') ?? ''));
          }}
        >
          <fieldset className="composer-candidates">
            <legend>Bài đã duyệt, chưa thuộc số nào</legend>
            <ul>
              {candidates.map((candidate) => (
                <li key={candidate.id}>
                  <input
                    type="radio"
                    name="articleId"
                    value={candidate.id}
                    id={`chon-bai-${candidate.id}`}
                    aria-describedby={`mo-ta-bai-${candidate.id}`}
                  />
                  <label htmlFor={`chon-bai-${candidate.id}`}>{candidate.title}</label>
                  <span id={`mo-ta-bai-${candidate.id}`} className="composer-candidates__meta">
                    {candidate.statusLabel}
                    {candidate.tags.length ? ` · ${candidate.tags.join(', ')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="admin-form--inline admin-form">
            <label htmlFor="chuyen-muc-dich">Chuyên mục</label>
            <select id="chuyen-muc-dich" name="sectionId">
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.title}
                </option>
              ))}
            </select>
            <button type="submit" className="admin-button admin-button--primary" aria-disabled={isBusy || undefined}>
              Thêm bài viết
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
