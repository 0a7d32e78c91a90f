import type { ArticleDraft } from '@/schemas/article';

// A copy of unsaved text in this browser, keyed by article and the version it was based on,
// so a crash, a closed tab or a lost connection does not lose a paragraph.

const PREFIX = 'ban-tin-cchc:bai-viet:';

/** `base`: the saved text the draft started from, so restoring it merges against the right text (absent in older copies). */
export type LocalCopy = { articleId: number | null; baseVersion: number; draft: ArticleDraft; base?: ArticleDraft; savedAt: string };

const keyOf = (articleId: number | null, baseVersion: number) => `${PREFIX}${articleId ?? 'moi'}:${baseVersion}`;

const keysFor = (articleId: number | null) => {
  const prefix = `${PREFIX}${articleId ?? 'moi'}:`;
  return Object.keys(localStorage).filter((key) => key.startsWith(prefix));
};

export function writeLocalCopy(copy: Omit<LocalCopy, 'savedAt'>) {
  try {
    localStorage.setItem(keyOf(copy.articleId, copy.baseVersion), JSON.stringify({ ...copy, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the server copy is then the only one.
  }
}

/** The newest copy for this article, if any. */
export function readLocalCopy(articleId: number | null): LocalCopy | null {
  try {
    const copies = keysFor(articleId)
      .map((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as LocalCopy | null)
      .filter((copy): copy is LocalCopy => Boolean(copy?.draft))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return copies[0] ?? null;
  } catch {
    return null;
  }
}

/** Forgets every copy of this article once the server holds the text. */
export function clearLocalCopies(articleId: number | null) {
  try {
    keysFor(articleId).forEach((key) => localStorage.removeItem(key));
  } catch {
    // Nothing to clear.
  }
}
