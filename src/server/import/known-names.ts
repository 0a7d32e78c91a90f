import 'server-only';
import { getDb } from '../db/client';
import { hostOf } from './recognise/patterns';
import type { RecogniseOptions } from './recognise/structure';

/**
 * What the office already calls things: its section names (publication defaults and every
 * issue's sections) and, per site address, the outlet name its editors wrote most often.
 */
export async function recogniseOptionsFor(defaultSections: readonly { title: string }[]): Promise<RecogniseOptions> {
  const db = getDb();
  const [sections, sources] = await Promise.all([
    db.issueSection.findMany({ distinct: ['title'], select: { title: true }, take: 200 }),
    db.article.groupBy({
      by: ['sourceUrl', 'sourceOutlet'],
      where: { sourceUrl: { not: null }, sourceOutlet: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { id: 'desc' } },
      take: 500,
    }),
  ]);
  const knownOutlets = new Map<string, string>();
  for (const row of sources) {
    const host = hostOf(row.sourceUrl!);
    if (!knownOutlets.has(host)) knownOutlets.set(host, row.sourceOutlet!);
  }
  const knownSections = [...new Set([...defaultSections.map((section) => section.title), ...sections.map((section) => section.title)])];
  return { knownSections, knownOutlets };
}
