import type { JSONContent } from '@tiptap/core';

// What the article editor and its server actions exchange. Dates travel as ISO strings.

export type ArticleStatusCode = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'PUBLISHED';

/** The fields the form edits, exactly the input of createArticle/saveArticle. */
export type ArticleDraft = {
  title: string;
  lead: string;
  body: JSONContent;
  sourceAuthors: string;
  sourceOutlet: string;
  sourceUrl: string;
  tags: string[];
};

export type SavedArticle = { id: number; slug: string; version: number; status: ArticleStatusCode };

/** The newer text someone else saved, shown next to the editor's own. */
export type ConflictingVersion = { version: number; title: string; lead: string | null; body: unknown; updatedAt: string };

export type ActionFailure =
  | { ok: false; kind: 'conflict'; message: string; current: ConflictingVersion }
  | { ok: false; kind: 'refused'; message: string; fieldErrors?: Record<string, string> };

export type ActionResult<T> = ({ ok: true } & T) | ActionFailure;

export type EditorAbilities = { edit: boolean; submit: boolean; approve: boolean; return: boolean; publish: boolean };

export type WorkflowStep = 'submit' | 'approve' | 'return' | 'publish';
