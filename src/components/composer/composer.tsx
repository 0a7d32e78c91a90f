'use client';

import { closestCorners, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useId, useState } from 'react';
import { FormOutcome } from '@/components/admin/form-outcome';
import { SECTION_TITLE_MAX } from '@/schemas/issue';
import { AddArticlePanel, type Candidate } from './add-article-panel';
import { ArticleItem } from './article-item';
import { dragAnnouncements, numbered } from './composer-layout';
import { SectionBlock } from './section-block';
import { useComposer, type ComposeAction, type ComposerIssue } from './use-composer';
import { PagePlanSummary } from './page-plan-summary';
import { usePagePlan, type PagePlanAction } from './use-page-plan';

// The composer: sections and their articles, changed with buttons or by dragging (pointer or
// keyboard), with the numbered table of contents beside them.

const DRAG_INSTRUCTIONS =
  'Để kéo bài viết, nhấn phím cách hoặc Enter, dùng các phím mũi tên để di chuyển, nhấn phím cách hoặc Enter lần nữa để thả, Esc để huỷ. Các nút Lên, Xuống và Chuyển sang chuyên mục làm được việc tương tự.';

export function Composer({
  issue,
  isEditable,
  candidates,
  query,
  compose,
  pagePlan,
}: {
  issue: ComposerIssue;
  /** Only a draft issue's layout can change. */
  isEditable: boolean;
  candidates: Candidate[];
  query: string;
  compose: ComposeAction;
  pagePlan: PagePlanAction;
}) {
  const state = useComposer({ issue, isEditable, compose });
  const { sections, isBusy } = state;
  const dndId = useId();
  const [newSection, setNewSection] = useState('');
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const layout = numbered(sections);
  const articleCount = layout.reduce((sum, section) => sum + section.articles.length, 0);
  const plan = usePagePlan(issue.id, issue.version, pagePlan);
  // Pages of the saved layout; shown only while the screen shows that layout.
  const pageOf = new Map(plan.kind === 'ready' && sections === issue.sections ? plan.plan.articles.map((a) => [a.articleId, a.page]) : []);

  return (
    <div className="composer">
      <div className="composer__outcome">
        <FormOutcome state={state.outcome} />
      </div>
      <div className="composer__columns">
        <section aria-labelledby="tieu-de-bo-cuc" className="admin-panel composer__layout">
          <h2 id="tieu-de-bo-cuc">Chuyên mục và bài viết</h2>
          <DndContext
            id={dndId}
            sensors={sensors}
            collisionDetection={closestCorners}
            onDragEnd={state.handleDragEnd}
            accessibility={{ announcements: dragAnnouncements(sections), screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
          >
            <ol className="composer-sections">
              {layout.map((section, sectionIndex) => (
                <SectionBlock
                  key={section.id}
                  section={section}
                  isFirst={sectionIndex === 0}
                  isLast={sectionIndex === sections.length - 1}
                  isEditable={isEditable}
                  isBusy={isBusy}
                  onMove={(delta, focusId) => void state.moveSection(section.id, sectionIndex + delta, focusId)}
                  onRename={(title) => void state.renameSection(section.id, title)}
                  onRemove={() => void state.removeSection(section.id)}
                >
                  {section.articles.map((article, index) => (
                    <ArticleItem
                      key={article.id}
                      article={article}
                      isEditable={isEditable}
                      isBusy={isBusy}
                      isFirst={index === 0}
                      isLast={index === section.articles.length - 1}
                      otherSections={sections.filter((other) => other.id !== section.id)}
                      onMove={(delta, focusId) => void state.moveArticle(article.id, section.id, index + delta, focusId)}
                      onMoveTo={(sectionId) => void state.moveArticleTo(article.id, sectionId)}
                      onRemove={() => void state.removeArticle(article.id)}
                    />
                  ))}
                </SectionBlock>
              ))}
            </ol>
          </DndContext>
          {isEditable ? (
            <form
              className="admin-form admin-form--inline"
              onSubmit={(event) => {
                event.preventDefault();
                if (!isBusy) void state.addSection(newSection).then((kept) => kept && setNewSection(''));
              }}
            >
              <label htmlFor="chuyen-muc-moi">Tên chuyên mục mới</label>
              <input
                id="chuyen-muc-moi"
                value={newSection}
                maxLength={SECTION_TITLE_MAX}
                aria-required="true"
                onChange={(event) => setNewSection(event.target.value)}
              />
              <button type="submit" className="admin-button" aria-disabled={isBusy || undefined}>
                Thêm chuyên mục
              </button>
            </form>
          ) : null}
        </section>

        <nav aria-labelledby="tieu-de-muc-luc" className="admin-panel composer__toc">
          <h2 id="tieu-de-muc-luc">Mục lục</h2>
          {articleCount > 0 ? <PagePlanSummary state={plan} /> : null}
          {articleCount === 0 ? <p className="composer__empty">Chưa có bài viết nào.</p> : null}
          {layout.map((section) =>
            section.articles.length ? (
              <div key={section.id} className="composer-toc__section">
                <h3>{section.title}</h3>
                <ol start={section.articles[0]!.tocNumber}>
                  {section.articles.map((article) => (
                    <li key={article.id}>
                      {article.title}
                      {pageOf.has(article.id) ? <span className="composer-toc__page"> · tr. {pageOf.get(article.id)}</span> : null}
                    </li>
                  ))}
                </ol>
              </div>
            ) : null,
          )}
        </nav>
      </div>

      {isEditable ? (
        <AddArticlePanel
          issueId={issue.id}
          sections={sections}
          candidates={candidates}
          query={query}
          isBusy={isBusy}
          onAdd={(articleId, sectionId) => void state.addArticle(articleId, sectionId)}
        />
      ) : null}
    </div>
  );
}
