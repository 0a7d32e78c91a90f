'use client';

import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Form from 'next/form';
import Link from 'next/link';
import { useId, useLayoutEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useHydrated } from '../../use-hydrated';
import { composeIssueAction, type ComposeOp } from '../actions';
import { FormOutcome } from '../fields';
import type { FormState } from '../form-state';

export type Article = { id: number; title: string };
export type Section = { id: number; title: string; articles: Article[] };
export type Candidate = Article & { tags: string[]; statusLabel: string };

type ComposerProps = {
  issue: { id: number; version: number; sections: Section[] };
  /** Only a draft issue's layout can change. */
  isEditable: boolean;
  candidates: Candidate[];
  query: string;
};

const articleKey = (id: number) => `bai-${id}`;
const sectionKey = (id: number) => `chuyen-muc-${id}`;

/** The layout with the article taken out and put in `sectionId` at `position` (past the end: last). */
function withArticleAt(sections: Section[], articleId: number, sectionId: number, position: number): Section[] {
  const article = sections.flatMap((section) => section.articles).find((candidate) => candidate.id === articleId);
  if (!article) return sections;
  return sections.map((section) => {
    const articles = section.articles.filter((candidate) => candidate.id !== articleId);
    if (section.id === sectionId) articles.splice(Math.min(position, articles.length), 0, article);
    return { ...section, articles };
  });
}

function locate(sections: Section[], articleId: number) {
  for (const section of sections) {
    const index = section.articles.findIndex((article) => article.id === articleId);
    if (index >= 0) return { section, index, article: section.articles[index]! };
  }
  return null;
}

/**
 * The composer: sections and their articles, changed with buttons or by dragging (pointer or
 * keyboard). Each change shows at once, is saved with the version the page was loaded with,
 * and the page then reloads the saved layout; a refusal because someone else changed the issue
 * keeps what is on screen and offers "Tải lại".
 */
export function Composer({ issue, isEditable, candidates, query }: ComposerProps) {
  const [loaded, setLoaded] = useState(issue);
  const [sections, setSections] = useState(issue.sections);
  const [outcome, setOutcome] = useState<FormState>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const focusAfterChange = useRef<string | null>(null);
  const dndId = useId();

  // A new layout from the server (after a save or "Tải lại") replaces what is on screen.
  if (issue !== loaded) {
    setLoaded(issue);
    setSections(issue.sections);
    if (outcome?.isConflict) setOutcome(null);
  }

  // A moved item is re-inserted in the DOM, which drops the focus: give it back.
  useLayoutEffect(() => {
    const id = focusAfterChange.current;
    if (!id) return;
    focusAfterChange.current = null;
    const element = document.getElementById(id);
    if (element && document.activeElement !== element) element.focus();
  }, [sections]);

  const isBusy = !isHydrated || isPending || !isEditable;

  function send(op: ComposeOp, fields: Record<string, FormDataEntryValue | number>, layout?: Section[], focusId?: string) {
    if (isBusy) return;
    if (layout) {
      focusAfterChange.current = focusId ?? null;
      setSections(layout);
    }
    const formData = new FormData();
    formData.set('op', op);
    formData.set('issueId', String(issue.id));
    formData.set('expectedVersion', String(issue.version));
    for (const [name, value] of Object.entries(fields)) formData.set(name, typeof value === 'number' ? String(value) : value);
    startTransition(async () => {
      const result = await composeIssueAction(formData);
      setOutcome(result);
      // Refused for a reason other than a newer version: back to the saved layout.
      if (!result?.ok && !result?.isConflict) setSections(issue.sections);
    });
  }

  function moveArticle(articleId: number, sectionId: number, position: number, focusId?: string) {
    send('moveArticle', { articleId, sectionId, position }, withArticleAt(sections, articleId, sectionId, position), focusId);
  }

  function moveSection(sectionId: number, position: number, focusId: string) {
    const moved = sections.find((section) => section.id === sectionId)!;
    const rest = sections.filter((section) => section !== moved);
    rest.splice(position, 0, moved);
    send('moveSection', { sectionId, position }, rest, focusId);
  }

  function handleDragEnd({ active, over }: DragEndEvent) {
    if (!over) return;
    const from = locate(sections, Number(String(active.id).slice('bai-'.length)));
    if (!from) return;
    const overArticle = String(over.id).startsWith('bai-') ? locate(sections, Number(String(over.id).slice('bai-'.length))) : null;
    const target = overArticle?.section ?? sections.find((section) => sectionKey(section.id) === over.id);
    if (!target) return;
    const position = overArticle ? overArticle.index : target.articles.length;
    if (target.id === from.section.id && position === from.index) return;
    moveArticle(from.article.id, target.id, position);
  }

  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const announcements = dragAnnouncements(sections);

  let tocNumber = 0;
  const numbered = sections.map((section) => ({
    ...section,
    articles: section.articles.map((article) => ({ ...article, tocNumber: ++tocNumber })),
  }));

  return (
    <div className="composer">
      <div className="composer__outcome">
        <FormOutcome state={outcome} />
      </div>
      <div className="composer__columns">
        <section aria-labelledby="tieu-de-bo-cuc" className="admin-panel composer__layout">
          <h2 id="tieu-de-bo-cuc">Chuyên mục và bài viết</h2>
          <DndContext
            id={dndId}
            sensors={sensors}
            collisionDetection={closestCorners}
            onDragEnd={handleDragEnd}
            accessibility={{ announcements, screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
          >
            <ol className="composer-sections">
              {numbered.map((section, sectionIndex) => (
                <SectionBlock
                  key={section.id}
                  section={section}
                  isFirst={sectionIndex === 0}
                  isLast={sectionIndex === sections.length - 1}
                  isEditable={isEditable}
                  isBusy={isBusy}
                  onMove={(delta, focusId) => moveSection(section.id, sectionIndex + delta, focusId)}
                  onRename={(formData) => send('renameSection', { sectionId: section.id, title: formData.get('title') ?? '' })}
                  onRemove={() =>
                    send(
                      'removeSection',
                      { sectionId: section.id },
                      sections.filter((other) => other.id !== section.id),
                    )
                  }
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
                      onMove={(delta, focusId) => moveArticle(article.id, section.id, index + delta, focusId)}
                      onMoveTo={(sectionId) => moveArticle(article.id, sectionId, Number.MAX_SAFE_INTEGER, `len-${articleKey(article.id)}`)}
                      onRemove={() =>
                        send(
                          'removeArticle',
                          { articleId: article.id },
                          sections.map((other) => ({ ...other, articles: other.articles.filter((a) => a.id !== article.id) })),
                        )
                      }
                    />
                  ))}
                </SectionBlock>
              ))}
            </ol>
          </DndContext>
          {isEditable ? (
            <form
              action={(formData) => send('addSection', { title: formData.get('title') ?? '' })}
              className="admin-form admin-form--inline"
            >
              <label htmlFor="chuyen-muc-moi">Tên chuyên mục mới</label>
              <input id="chuyen-muc-moi" name="title" required maxLength={200} />
              <button type="submit" className="admin-button" aria-disabled={isBusy || undefined}>
                Thêm chuyên mục
              </button>
            </form>
          ) : null}
        </section>

        <nav aria-labelledby="tieu-de-muc-luc" className="admin-panel composer__toc">
          <h2 id="tieu-de-muc-luc">Mục lục</h2>
          {tocNumber === 0 ? <p className="composer__empty">Chưa có bài viết nào.</p> : null}
          {numbered.map((section) =>
            section.articles.length ? (
              <div key={section.id} className="composer-toc__section">
                <h3>{section.title}</h3>
                <ol start={section.articles[0]!.tocNumber}>
                  {section.articles.map((article) => (
                    <li key={article.id}>{article.title}</li>
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
          onAdd={(formData) =>
            send('addArticle', { articleId: formData.get('articleId') ?? '', sectionId: formData.get('sectionId') ?? '' })
          }
        />
      ) : null}
    </div>
  );
}

const DRAG_INSTRUCTIONS =
  'Để kéo bài viết, nhấn phím cách hoặc Enter, dùng các phím mũi tên để di chuyển, nhấn phím cách hoặc Enter lần nữa để thả, Esc để huỷ. Các nút Lên, Xuống và Chuyển sang chuyên mục làm được việc tương tự.';

function dragAnnouncements(sections: Section[]): Announcements {
  const describe = (id: UniqueIdentifier) => {
    const key = String(id);
    const article = key.startsWith('bai-') ? locate(sections, Number(key.slice('bai-'.length))) : null;
    if (article) return `vị trí ${article.index + 1} của chuyên mục “${article.section.title}”`;
    const section = sections.find((candidate) => sectionKey(candidate.id) === key);
    return section ? `cuối chuyên mục “${section.title}”` : 'ngoài các chuyên mục';
  };
  const title = (id: UniqueIdentifier) => locate(sections, Number(String(id).slice('bai-'.length)))?.article.title ?? '';
  return {
    onDragStart: ({ active }) => `Đã nhấc bài “${title(active.id)}”.`,
    onDragOver: ({ active, over }) => `Bài “${title(active.id)}” đang ở ${over ? describe(over.id) : 'ngoài các chuyên mục'}.`,
    onDragEnd: ({ active, over }) =>
      over ? `Đã thả bài “${title(active.id)}” vào ${describe(over.id)}.` : `Đã thả bài “${title(active.id)}”, không thay đổi.`,
    onDragCancel: ({ active }) => `Đã huỷ kéo bài “${title(active.id)}”.`,
  };
}

/**
 * A button that keeps its focus while it cannot act (aria-disabled, not disabled). `label`, its
 * accessible name, starts with the visible `text` and names what it acts on.
 */
function StepButton({
  id,
  text,
  label,
  isInert,
  onClick,
}: {
  id?: string;
  text: string;
  label: string;
  isInert: boolean;
  onClick: () => void;
}) {
  return (
    <button
      id={id}
      type="button"
      className="admin-button composer-button"
      aria-label={label}
      aria-disabled={isInert || undefined}
      onClick={isInert ? undefined : onClick}
    >
      {text}
    </button>
  );
}

function SectionBlock({
  section,
  isFirst,
  isLast,
  isEditable,
  isBusy,
  onMove,
  onRename,
  onRemove,
  children,
}: {
  section: Section & { articles: (Article & { tocNumber: number })[] };
  isFirst: boolean;
  isLast: boolean;
  isEditable: boolean;
  isBusy: boolean;
  onMove: (delta: -1 | 1, focusId: string) => void;
  onRename: (formData: FormData) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: sectionKey(section.id), disabled: !isEditable });
  const upId = `len-${sectionKey(section.id)}`;
  const downId = `xuong-${sectionKey(section.id)}`;
  const headingId = `tieu-de-${sectionKey(section.id)}`;
  return (
    <li className="composer-section">
      <div className="composer-section__head">
        <h3 id={headingId}>{section.title}</h3>
        {isEditable ? (
          <div className="composer-section__controls">
            <StepButton
              id={upId}
              isInert={isBusy || isFirst}
              onClick={() => onMove(-1, upId)}
              text="Lên"
              label={`Lên: chuyên mục ${section.title}`}
            />
            <StepButton
              id={downId}
              isInert={isBusy || isLast}
              onClick={() => onMove(1, downId)}
              text="Xuống"
              label={`Xuống: chuyên mục ${section.title}`}
            />
            {section.articles.length === 0 ? (
              <StepButton isInert={isBusy} onClick={onRemove} text="Xoá chuyên mục" label={`Xoá chuyên mục ${section.title}`} />
            ) : null}
          </div>
        ) : null}
      </div>
      {isEditable ? (
        <form action={onRename} className="admin-form admin-form--inline composer-section__rename">
          <label htmlFor={`ten-${sectionKey(section.id)}`}>
            Tên chuyên mục<span className="visually-hidden"> {section.title}</span>
          </label>
          <input id={`ten-${sectionKey(section.id)}`} name="title" defaultValue={section.title} required maxLength={200} />
          <button
            type="submit"
            className="admin-button composer-button"
            aria-label={`Đổi tên chuyên mục ${section.title}`}
            aria-disabled={isBusy || undefined}
          >
            Đổi tên
          </button>
        </form>
      ) : null}
      <SortableContext
        id={sectionKey(section.id)}
        items={section.articles.map((article) => articleKey(article.id))}
        strategy={verticalListSortingStrategy}
      >
        <ol ref={setNodeRef} className={isOver ? 'composer-articles composer-articles--over' : 'composer-articles'}>
          {children}
          {section.articles.length === 0 ? <li className="composer__empty">Chuyên mục chưa có bài viết.</li> : null}
        </ol>
      </SortableContext>
    </li>
  );
}

function ArticleItem({
  article,
  isEditable,
  isBusy,
  isFirst,
  isLast,
  otherSections,
  onMove,
  onMoveTo,
  onRemove,
}: {
  article: Article & { tocNumber: number };
  isEditable: boolean;
  isBusy: boolean;
  isFirst: boolean;
  isLast: boolean;
  otherSections: Section[];
  onMove: (delta: -1 | 1, focusId: string) => void;
  onMoveTo: (sectionId: number) => void;
  onRemove: () => void;
}) {
  const key = articleKey(article.id);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: key,
    disabled: !isEditable || isBusy,
  });
  const upId = `len-${key}`;
  const downId = `xuong-${key}`;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'composer-article composer-article--dragging' : 'composer-article'}
    >
      <div className="composer-article__head">
        {isEditable ? (
          <button
            type="button"
            className="composer-article__handle"
            {...attributes}
            {...listeners}
            aria-label={`Kéo để sắp xếp: ${article.title}`}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        ) : null}
        <span className="composer-article__number">{article.tocNumber}.</span>
        <Link href={`/quan-tri/bai-viet/${article.id}`} className="composer-article__title">
          {article.title}
        </Link>
      </div>
      {isEditable ? (
        <div className="composer-article__controls">
          <StepButton id={upId} isInert={isBusy || isFirst} onClick={() => onMove(-1, upId)} text="Lên" label={`Lên: ${article.title}`} />
          <StepButton
            id={downId}
            isInert={isBusy || isLast}
            onClick={() => onMove(1, downId)}
            text="Xuống"
            label={`Xuống: ${article.title}`}
          />
          {otherSections.length ? (
            <details className="composer-article__move">
              <summary>
                Chuyển sang chuyên mục…<span className="visually-hidden"> {article.title}</span>
              </summary>
              <ul>
                {otherSections.map((section) => (
                  <li key={section.id}>
                    <StepButton
                      isInert={isBusy}
                      onClick={() => onMoveTo(section.id)}
                      text={section.title}
                      label={`Chuyển “${article.title}” sang chuyên mục ${section.title}`}
                    />
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <StepButton isInert={isBusy} onClick={onRemove} text="Gỡ khỏi số" label={`Gỡ khỏi số: ${article.title}`} />
        </div>
      ) : null}
    </li>
  );
}

function AddArticlePanel({
  issueId,
  sections,
  candidates,
  query,
  isBusy,
  onAdd,
}: {
  issueId: number;
  sections: Section[];
  candidates: Candidate[];
  query: string;
  isBusy: boolean;
  onAdd: (formData: FormData) => void;
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
        <form action={onAdd} className="admin-form">
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
                    required
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
