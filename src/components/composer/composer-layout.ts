import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import { placedAt } from '@/lib/placement';

// The composer's layout as data: sections with their articles, the keys drag-and-drop knows
// them by, moves (the same placement rule the server applies), TOC numbers and what a screen
// reader hears while dragging.

export type ComposerArticle = { id: number; title: string };
export type ComposerSection = { id: number; title: string; articles: ComposerArticle[] };
export type NumberedSection = Omit<ComposerSection, 'articles'> & { articles: (ComposerArticle & { tocNumber: number })[] };

const ARTICLE_PREFIX = 'bai-';
const SECTION_PREFIX = 'chuyen-muc-';

export const articleKey = (id: number) => `${ARTICLE_PREFIX}${id}`;
export const sectionKey = (id: number) => `${SECTION_PREFIX}${id}`;

/** The article id behind a drag-and-drop key, or null for a section's key. */
export function articleIdOf(key: UniqueIdentifier): number | null {
  const text = String(key);
  return text.startsWith(ARTICLE_PREFIX) ? Number(text.slice(ARTICLE_PREFIX.length)) : null;
}

export function locate(sections: readonly ComposerSection[], articleId: number) {
  for (const section of sections) {
    const index = section.articles.findIndex((article) => article.id === articleId);
    if (index >= 0) return { section, index, article: section.articles[index]! };
  }
  return null;
}

/** The layout with the article taken out and put in `sectionId` at `position` (past the end: last). */
export function withArticleAt(
  sections: readonly ComposerSection[],
  articleId: number,
  sectionId: number,
  position: number,
): ComposerSection[] {
  const found = locate(sections, articleId);
  if (!found) return [...sections];
  return sections.map((section) => {
    const others = section.articles.filter((article) => article.id !== articleId);
    return section.id === sectionId
      ? { ...section, articles: placedAt(others, found.article, position) }
      : { ...section, articles: others };
  });
}

export function withSectionAt(sections: readonly ComposerSection[], sectionId: number, position: number): ComposerSection[] {
  const section = sections.find((candidate) => candidate.id === sectionId);
  return section ? placedAt(sections, section, position) : [...sections];
}

export const withoutArticle = (sections: readonly ComposerSection[], articleId: number): ComposerSection[] =>
  sections.map((section) => ({ ...section, articles: section.articles.filter((article) => article.id !== articleId) }));

/** TOC numbers 1..n across the issue, in section order. */
export function numbered(sections: readonly ComposerSection[]): NumberedSection[] {
  let tocNumber = 0;
  return sections.map((section) => ({ ...section, articles: section.articles.map((article) => ({ ...article, tocNumber: ++tocNumber })) }));
}

/** Where a dragged article was dropped: the section and position, or null when nothing changes. */
export function dropTarget(sections: readonly ComposerSection[], activeKey: UniqueIdentifier, overKey: UniqueIdentifier) {
  const activeId = articleIdOf(activeKey);
  const from = activeId === null ? null : locate(sections, activeId);
  if (!from) return null;
  const overId = articleIdOf(overKey);
  const overArticle = overId === null ? null : locate(sections, overId);
  const target = overArticle?.section ?? sections.find((section) => sectionKey(section.id) === overKey);
  if (!target) return null;
  const position = overArticle ? overArticle.index : target.articles.length;
  if (target.id === from.section.id && position === from.index) return null;
  return { articleId: from.article.id, sectionId: target.id, position };
}

export function dragAnnouncements(sections: readonly ComposerSection[]): Announcements {
  const describe = (key: UniqueIdentifier) => {
    const id = articleIdOf(key);
    const article = id === null ? null : locate(sections, id);
    if (article) return `vị trí ${article.index + 1} của chuyên mục “${article.section.title}”`;
    const section = sections.find((candidate) => sectionKey(candidate.id) === key);
    return section ? `cuối chuyên mục “${section.title}”` : 'ngoài các chuyên mục';
  };
  const title = (key: UniqueIdentifier) => {
    const id = articleIdOf(key);
    return (id === null ? null : locate(sections, id)?.article.title) ?? '';
  };
  return {
    onDragStart: ({ active }) => `Đã nhấc bài “${title(active.id)}”.`,
    onDragOver: ({ active, over }) => `Bài “${title(active.id)}” đang ở ${over ? describe(over.id) : 'ngoài các chuyên mục'}.`,
    onDragEnd: ({ active, over }) =>
      over ? `Đã thả bài “${title(active.id)}” vào ${describe(over.id)}.` : `Đã thả bài “${title(active.id)}”, không thay đổi.`,
    onDragCancel: ({ active }) => `Đã huỷ kéo bài “${title(active.id)}”.`,
  };
}
