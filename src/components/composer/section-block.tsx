'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState, type ReactNode } from 'react';
import { SECTION_TITLE_MAX } from '@/schemas/issue';
import { articleKey, sectionKey, type NumberedSection } from './composer-layout';
import { StepButton } from './step-button';

/** One section: its controls, its rename form (what was typed stays after a refusal) and its articles. */
export function SectionBlock({
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
  section: NumberedSection;
  isFirst: boolean;
  isLast: boolean;
  isEditable: boolean;
  isBusy: boolean;
  onMove: (delta: -1 | 1, focusId: string) => void;
  onRename: (title: string) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: sectionKey(section.id), disabled: !isEditable });
  const [title, setTitle] = useState(section.title);
  const key = sectionKey(section.id);
  const upId = `len-${key}`;
  const downId = `xuong-${key}`;
  return (
    <li className="composer-section">
      <div className="composer-section__head">
        <h3 id={`tieu-de-${key}`}>{section.title}</h3>
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
        <form
          className="admin-form admin-form--inline composer-section__rename"
          onSubmit={(event) => {
            event.preventDefault();
            if (!isBusy) onRename(title);
          }}
        >
          <label htmlFor={`ten-${key}`}>
            Tên chuyên mục<span className="visually-hidden"> {section.title}</span>
          </label>
          <input
            id={`ten-${key}`}
            value={title}
            maxLength={SECTION_TITLE_MAX}
            aria-required="true"
            onChange={(event) => setTitle(event.target.value)}
          />
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
      <SortableContext id={key} items={section.articles.map((article) => articleKey(article.id))} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className={isOver ? 'composer-articles composer-articles--over' : 'composer-articles'}>
          {children}
          {section.articles.length === 0 ? <li className="composer__empty">Chuyên mục chưa có bài viết.</li> : null}
        </ol>
      </SortableContext>
    </li>
  );
}
