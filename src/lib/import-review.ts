// The editor's changes on the import review screen, as a list of operations applied to the
// proposed issue. One pure function, used by the screen to show the result and by the server
// to replay them on its own analysis of the file (the browser never sends article content).
import type { ProposedArticle, ProposedIssue, ProposedSection, ReviewEdit } from '@/schemas/import';

export class ReviewEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewEditError';
  }
}

type Located = { section: ProposedSection; index: number; article: ProposedArticle };

function locate(sections: ProposedSection[], id: string): Located {
  for (const section of sections) {
    const index = section.articles.findIndex((article) => article.id === id);
    if (index >= 0) return { section, index, article: section.articles[index]! };
  }
  throw new ReviewEditError('Bài viết này không còn trong bản đề xuất; hãy tải lại trang.');
}

function sectionById(sections: ProposedSection[], id: string): ProposedSection {
  const section = sections.find((candidate) => candidate.id === id);
  if (!section) throw new ReviewEditError('Chuyên mục này không còn trong bản đề xuất; hãy tải lại trang.');
  return section;
}

const blockText = (block: ProposedArticle['body'][number]): string | null =>
  block.type === 'paragraph'
    ? block.runs
        .map((run) => run.text)
        .join('')
        .trim()
    : block.type === 'heading'
      ? block.text
      : null;

function apply(sections: ProposedSection[], edit: ReviewEdit): void {
  switch (edit.op) {
    case 'renameArticle':
      locate(sections, edit.article).article.title = edit.title;
      return;
    case 'renameSection':
      sectionById(sections, edit.section).title = edit.title;
      return;
    case 'dropArticle': {
      const { section, index } = locate(sections, edit.article);
      section.articles.splice(index, 1);
      return;
    }
    case 'moveArticle': {
      const { section, index, article } = locate(sections, edit.article);
      const target = sectionById(sections, edit.section);
      section.articles.splice(index, 1);
      target.articles.splice(Math.min(edit.position, target.articles.length), 0, article);
      return;
    }
    case 'mergeArticle': {
      const order = sections.flatMap((section) => section.articles);
      const position = order.findIndex((article) => article.id === edit.article);
      if (position <= 0) throw new ReviewEditError('Bài đầu tiên không có bài nào phía trước để gộp vào.');
      const { section, index, article } = locate(sections, edit.article);
      const previous = order[position - 1]!;
      previous.body.push(
        { type: 'heading', level: 2, text: article.title },
        ...(article.lead ? [{ type: 'paragraph' as const, runs: [{ text: article.lead }] }] : []),
        ...article.body,
      );
      previous.source ??= article.source;
      section.articles.splice(index, 1);
      return;
    }
    case 'splitArticle': {
      const { section, index, article } = locate(sections, edit.article);
      const block = article.body[edit.at];
      const title = block ? blockText(block) : null;
      if (!title || edit.at === 0) throw new ReviewEditError('Chỉ tách được tại một đoạn hoặc tiêu đề phụ nằm giữa bài.');
      const rest = article.body.splice(edit.at);
      rest.shift();
      const first = rest[0];
      const lead = first?.type === 'paragraph' ? blockText(first) : null;
      const created: ProposedArticle = {
        id: `${article.id}-${edit.at}`,
        title: title.slice(0, 300),
        lead,
        body: lead ? rest.slice(1) : rest,
        // The source line closed the article, so it belongs to the part that ends it.
        source: article.source,
        confidence: { title: 'low', source: article.confidence.source },
        line: article.line,
      };
      article.source = null;
      article.confidence.source = null;
      section.articles.splice(index + 1, 0, created);
      return;
    }
  }
}

/** The proposal after the edits, in order; the input is not changed. */
export function applyReviewEdits(proposal: ProposedIssue, edits: readonly ReviewEdit[]): ProposedIssue {
  const copy: ProposedIssue = structuredClone(proposal);
  for (const edit of edits) apply(copy.sections, edit);
  return copy;
}

export const articleCount = (proposal: ProposedIssue) => proposal.sections.reduce((sum, section) => sum + section.articles.length, 0);

/**
 * The edit list with one more change. Typing a name again replaces the previous rename of the
 * same article or section instead of piling up; restoring a dropped article removes its drop.
 */
export function withEdit(edits: readonly ReviewEdit[], edit: ReviewEdit | { op: 'restoreArticle'; article: string }): ReviewEdit[] {
  if (edit.op === 'restoreArticle') return edits.filter((other) => !(other.op === 'dropArticle' && other.article === edit.article));
  const last = edits.at(-1);
  const sameRename =
    last &&
    ((edit.op === 'renameArticle' && last.op === 'renameArticle' && last.article === edit.article) ||
      (edit.op === 'renameSection' && last.op === 'renameSection' && last.section === edit.section));
  return sameRename ? [...edits.slice(0, -1), edit] : [...edits, edit];
}

/** Articles the editor dropped, with the section they were in, so the screen can offer them back. */
export function droppedArticles(proposal: ProposedIssue, edits: readonly ReviewEdit[]): ProposedArticle[] {
  const dropped = new Set(edits.flatMap((edit) => (edit.op === 'dropArticle' ? [edit.article] : [])));
  const before = applyReviewEdits(
    proposal,
    edits.filter((edit) => edit.op !== 'dropArticle'),
  );
  return before.sections.flatMap((section) => section.articles.filter((article) => dropped.has(article.id)));
}
