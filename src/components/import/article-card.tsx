'use client';

import { useState } from 'react';
import type { ProposedArticle, ProposedSection, ReviewEdit } from '@/schemas/import';

// One proposed article on the review screen: its title (editable), lead, first lines, photos,
// source, a mark where the recogniser was unsure, and the changes the editor can make.

const firstWords = (text: string, length: number) => (text.length > length ? `${text.slice(0, length).trimEnd()}…` : text);
const textOf = (block: ProposedArticle['body'][number]) =>
  block.type === 'paragraph' ? block.runs.map((run) => run.text).join('') : block.type === 'heading' ? block.text : null;

type Props = {
  article: ProposedArticle;
  number: number;
  sections: ProposedSection[];
  sectionId: string;
  isFirst: boolean;
  onEdit: (edit: ReviewEdit) => void;
  onShowSource: (line: number) => void;
};

export function ArticleCard({ article, number, sections, sectionId, isFirst, onEdit, onShowSource }: Props) {
  const [title, setTitle] = useState(article.title);
  const [prevTitle, setPrevTitle] = useState(article.title);
  if (article.title !== prevTitle) {
    setPrevTitle(article.title);
    setTitle(article.title);
  }
  const images = article.body.filter((block) => block.type === 'image');
  const firstLine = article.body.map(textOf).find((text) => text);
  const splitPoints = article.body.flatMap((block, index) => {
    const text = index > 0 ? textOf(block) : null;
    return text ? [{ index, text }] : [];
  });
  const id = `bai-${article.id}`;
  const commitTitle = () => {
    const clean = title.replace(/\s+/g, ' ').trim();
    if (clean && clean !== article.title) onEdit({ op: 'renameArticle', article: article.id, title: clean });
  };
  const source = article.source;
  const sourceLine = source ? [source.authors, source.outlet, source.url].filter(Boolean).join(' – ') : null;
  return (
    <li className="import-article" aria-labelledby={`${id}-so`}>
      <div className="import-article__head">
        <span id={`${id}-so`} className="import-article__number">
          Bài {number}
        </span>
        {article.confidence.title === 'low' ? <span className="import-mark">Chưa chắc là tiêu đề</span> : null}
      </div>
      <label htmlFor={`${id}-tieu-de`} className="visually-hidden">
        Tiêu đề bài {number}
      </label>
      <input
        id={`${id}-tieu-de`}
        className="import-article__title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onBlur={commitTitle}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commitTitle();
          }
        }}
      />
      {article.lead ? (
        <p className="import-article__lead">{firstWords(article.lead, 220)}</p>
      ) : (
        <p className="import-mark">Không có sapo</p>
      )}
      {firstLine ? <p className="import-article__line">{firstWords(firstLine, 160)}</p> : null}
      {images.length ? (
        <ul className="import-article__images" aria-label="Ảnh">
          {images.map((image, index) => (
            <li key={index}>
              {image.image === null ? '[Chỉ có chú thích] ' : '[Ảnh] '}
              {firstWords([image.caption, image.credit].filter(Boolean).join(' - ') || 'Không có chú thích', 140)}
              {image.confidence === 'low' ? <span className="import-mark">Chưa chắc là chú thích</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="import-article__source">
        Nguồn: {sourceLine ?? <span className="import-mark">không thấy dòng nguồn</span>}
        {source && article.confidence.source === 'low' ? <span className="import-mark">Chưa chắc</span> : null}
      </p>
      <div className="import-article__actions">
        <button type="button" className="admin-button admin-button--quiet" onClick={() => onShowSource(article.line)}>
          Xem văn bản gốc
        </button>
        {isFirst ? null : (
          <button
            type="button"
            className="admin-button admin-button--quiet"
            onClick={() => onEdit({ op: 'mergeArticle', article: article.id })}
          >
            Gộp vào bài trước
          </button>
        )}
        {splitPoints.length ? (
          <select
            aria-label={`Tách bài ${number} tại đoạn`}
            value=""
            onChange={(event) => event.target.value && onEdit({ op: 'splitArticle', article: article.id, at: Number(event.target.value) })}
          >
            <option value="">Tách tại đoạn…</option>
            {splitPoints.map((point) => (
              <option key={point.index} value={point.index}>
                {firstWords(point.text, 60)}
              </option>
            ))}
          </select>
        ) : null}
        {sections.length > 1 ? (
          <select
            aria-label={`Chuyển bài ${number} sang chuyên mục`}
            value=""
            onChange={(event) =>
              event.target.value && onEdit({ op: 'moveArticle', article: article.id, section: event.target.value, position: 10_000 })
            }
          >
            <option value="">Chuyển sang…</option>
            {sections
              .filter((section) => section.id !== sectionId)
              .map((section) => (
                <option key={section.id} value={section.id}>
                  {section.title}
                </option>
              ))}
          </select>
        ) : null}
        <button
          type="button"
          className="admin-button admin-button--quiet"
          onClick={() => onEdit({ op: 'dropArticle', article: article.id })}
        >
          Bỏ bài
        </button>
      </div>
    </li>
  );
}
