'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Link from 'next/link';
import { articleKey, type ComposerArticle, type ComposerSection } from './composer-layout';
import { StepButton } from './step-button';

/** One article of a section: its TOC number, a drag handle and the same moves as buttons. */
export function ArticleItem({
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
  article: ComposerArticle & { tocNumber: number };
  isEditable: boolean;
  isBusy: boolean;
  isFirst: boolean;
  isLast: boolean;
  otherSections: ComposerSection[];
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
