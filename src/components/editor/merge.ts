import { DRAFT_FIELDS, type ArticleDraft, type DraftField } from '@/schemas/article';

// After a conflict, the two texts are merged field by field against the version both started
// from: a field only one side changed keeps that side's value; only fields both changed
// differently need a person to choose.

/** JSON with object keys sorted: PostgreSQL's jsonb returns keys in its own order, the editor in another. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export type Merge = {
  /** Every field decided so far; a contested field holds the editor's own value until chosen. */
  merged: ArticleDraft;
  /** Fields both sides changed to different values, in form order. */
  contested: DraftField[];
  /** Fields taken from the other side without asking. */
  takenFromTheirs: DraftField[];
};

export function mergeDrafts(base: ArticleDraft, mine: ArticleDraft, theirs: ArticleDraft): Merge {
  const merged = { ...mine };
  const contested: DraftField[] = [];
  const takenFromTheirs: DraftField[] = [];
  for (const field of DRAFT_FIELDS) {
    const mineChanged = !same(mine[field], base[field]);
    const theirsChanged = !same(theirs[field], base[field]);
    if (!theirsChanged || same(mine[field], theirs[field])) continue;
    if (!mineChanged) {
      Object.assign(merged, { [field]: theirs[field] });
      takenFromTheirs.push(field);
    } else contested.push(field);
  }
  return { merged, contested, takenFromTheirs };
}

/** The merged text with each contested field taken from the side chosen for it. */
export function resolveMerge(merge: Merge, theirs: ArticleDraft, choices: Partial<Record<DraftField, 'mine' | 'theirs'>>): ArticleDraft {
  const resolved = { ...merge.merged };
  for (const field of merge.contested) if (choices[field] === 'theirs') Object.assign(resolved, { [field]: theirs[field] });
  return resolved;
}
