import 'server-only';
import { getDb } from '../db/client';
import { assertCan, type PermissionActor } from '../permissions';
import { importIssue, type ImportResult } from './commands';
import { recogniseOptionsFor } from './known-names';
import { analyseImport } from './pipeline';
import { discardStaged, loadStaged, stageUpload } from './staging';
import type { ReviewPayload } from '@/schemas/import';
import { formatIssueNumber } from '@/lib/text';

// The editorial area's import: analyse an upload and keep it staged for review, then create
// the issue from the staged copy with the editor's changes.

export async function analyseUpload(actor: PermissionActor, fileName: string, bytes: Buffer): Promise<ReviewPayload> {
  assertCan(actor, 'issue.compose');
  const db = getDb();
  const publication = await db.publication.findFirst({
    orderBy: { id: 'asc' },
    include: { defaultSections: { orderBy: { position: 'asc' } } },
  });
  const analysis = await analyseImport(fileName, bytes, await recogniseOptionsFor(publication?.defaultSections ?? []));
  const { number, year } = analysis.proposal;
  const numberTaken =
    number !== null && year !== null && publication !== null
      ? (await db.issue.count({ where: { publicationId: publication.id, number, year } })) > 0
      : false;
  const token = await stageUpload(actor.id, { fileName, bytes });
  return {
    token,
    fileName,
    format: analysis.format,
    proposal: analysis.proposal,
    sourceText: analysis.sourceText,
    photos: analysis.images.length,
    numberTaken,
  };
}

export async function createFromStaged(
  actor: PermissionActor,
  input: { token: string; edits: unknown; target: unknown },
): Promise<ImportResult> {
  const staged = await loadStaged(actor.id, input.token);
  const result = await importIssue(actor, { ...staged, edits: input.edits, target: input.target });
  await discardStaged(input.token);
  return result;
}

/** The draft issues imported articles can be added to, newest first. */
export async function listDraftTargets(): Promise<{ id: number; label: string; version: number }[]> {
  const issues = await getDb().issue.findMany({
    where: { status: 'DRAFT' },
    orderBy: [{ year: 'desc' }, { number: 'desc' }],
    select: { id: true, number: true, year: true, version: true },
    take: 50,
  });
  return issues.map((issue) => ({ id: issue.id, version: issue.version, label: `Số ${formatIssueNumber(issue.number)}/${issue.year}` }));
}
