import 'server-only';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { getDb, type Transaction } from '../db/client';
import { isUniqueViolation } from '../db/unique';
import { assertCan, type PermissionActor } from '../permissions';
import { ConflictError, TransitionError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { isSlugTaken } from '../articles/commands';
import { lockIssue } from '../issues/versioning';
import { getMediaStorage, storeImage } from '../media/service';
import { ImageRejectedError } from '../media/images';
import { analyseImport } from './pipeline';
import { toArticleDocument } from './output';
import { recogniseOptionsFor } from './known-names';
import { comparable } from './recognise/toc';
import { applyReviewEdits, ReviewEditError } from '@/lib/import-review';
import { importTargetSchema, reviewEditsSchema, type ProposedArticle, type ProposedIssue } from '@/schemas/import';
import { articleFieldsSchema } from '@/schemas/article';
import { slugify, uniqueSlug } from '@/lib/slug';
import { vietnamTime } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import { Prisma } from '@/generated/prisma/client';

// Creating what an import proposes, in ONE transaction: the issue (a new draft, an existing
// draft, or a published back issue with its original PDF), its sections, and every article
// with its first revision, its photos in the media library, its placement and an audit event,
// as the signed-in editor. A refusal anywhere leaves nothing behind in the database.

export type ImportRequest = { fileName: string; bytes: Buffer; edits?: unknown; target: unknown };
export type ImportResult = { issueId: number; number: number; year: number; articleIds: number[]; warnings: string[] };

/** The placeholder a draft shows where the file kept only a photo's caption. */
async function standInPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="750"><rect width="1200" height="750" fill="#e7e9ee"/>
    <rect x="450" y="255" width="300" height="220" rx="24" fill="none" stroke="#8a93a6" stroke-width="18"/>
    <circle cx="600" cy="365" r="62" fill="none" stroke="#8a93a6" stroke-width="18"/><rect x="520" y="220" width="90" height="45" rx="10" fill="#8a93a6"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** The article's columns, through the same schema (limits, NFC, URL rule) as the article form. */
function articleFields(article: ProposedArticle) {
  const source = article.source ?? { authors: null, outlet: null, url: null };
  const url = source.url && /^https?:\/\/\S+$/i.test(source.url) && source.url.length <= 500 ? source.url : null;
  return parseInput(articleFieldsSchema, {
    title: article.title.slice(0, 300),
    lead: article.lead?.slice(0, 2000) ?? null,
    body: null,
    sourceAuthors: source.authors?.slice(0, 300) ?? null,
    sourceOutlet: source.outlet?.slice(0, 300) ?? null,
    sourceUrl: url,
    tags: [],
  });
}

type Target = ReturnType<typeof importTargetSchema.parse>;

async function issueFor(tx: Transaction, actor: PermissionActor, target: Target, publicationId: number) {
  if (target.kind === 'existing') {
    const issue = await lockIssue(
      tx,
      target.issueId,
      target.expectedVersion,
      'Số bản tin vừa được người khác thay đổi. Tải lại rồi nhập lại.',
    );
    if (issue.status !== 'DRAFT') throw new TransitionError('Chỉ thêm bài nhập vào được số đang là Nháp.');
    return issue;
  }
  const isArchive = target.kind === 'archive';
  const publishedAt = isArchive ? vietnamTime(target.publishedOn.toISOString().slice(0, 10), 8, 0) : null;
  return tx.issue.create({
    data: {
      publicationId,
      number: target.number,
      year: target.year,
      periodStart: target.periodStart,
      periodEnd: target.periodEnd,
      status: isArchive ? 'PUBLISHED' : 'DRAFT',
      publishAt: publishedAt,
      publishedAt,
      createdById: actor.id,
    },
  });
}

/** Where each proposed section goes: a section of the issue with the same name, else a new one at the end. */
async function sectionIds(
  tx: Transaction,
  issueId: number,
  proposal: ProposedIssue,
  defaults: { title: string; expectsSource: boolean }[],
) {
  const existing = await tx.issueSection.findMany({ where: { issueId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  const ids = new Map<string, number>();
  let position = existing.length;
  for (const section of proposal.sections) {
    const same = existing.find((candidate) => comparable(candidate.title) === comparable(section.title));
    if (same) ids.set(section.id, same.id);
    else {
      const expectsSource = defaults.find((candidate) => comparable(candidate.title) === comparable(section.title))?.expectsSource ?? false;
      const created = await tx.issueSection.create({
        data: { issueId, title: section.title.slice(0, 200), position: position++, expectsSource },
      });
      existing.push(created);
      ids.set(section.id, created.id);
    }
  }
  return ids;
}

export async function importIssue(actor: PermissionActor, request: ImportRequest): Promise<ImportResult> {
  assertCan(actor, 'article.create');
  assertCan(actor, 'issue.compose');
  const target = parseInput(importTargetSchema, request.target);
  // A back issue is published at once: only those who may publish may bring one in.
  if (target.kind === 'archive') assertCan(actor, 'issue.publish');
  if (target.kind !== 'existing' && target.periodEnd < target.periodStart) {
    throw new ValidationError('Đến ngày phải cùng hoặc sau Từ ngày.', { periodEnd: 'Đến ngày phải cùng hoặc sau Từ ngày.' });
  }
  const edits = parseInput(reviewEditsSchema, request.edits ?? []);
  const db = getDb();
  const publication = await db.publication.findFirst({
    orderBy: { id: 'asc' },
    include: { defaultSections: { orderBy: { position: 'asc' } } },
  });
  if (!publication) throw new ValidationError('Chưa có ấn phẩm nào; hãy tạo ấn phẩm trong phần cài đặt trước.');
  const analysis = await analyseImport(request.fileName, request.bytes, await recogniseOptionsFor(publication.defaultSections));
  let proposal: ProposedIssue;
  try {
    proposal = applyReviewEdits(analysis.proposal, edits);
  } catch (error) {
    if (error instanceof ReviewEditError) throw new ValidationError(error.message);
    throw error;
  }
  const articles = proposal.sections.flatMap((section) => section.articles);
  if (articles.length === 0) throw new ValidationError('Không còn bài viết nào để nhập (tất cả đã bị bỏ).');
  const fields = new Map(articles.map((article) => [article.id, articleFields(article)]));
  const isArchive = target.kind === 'archive';
  const storage = getMediaStorage();
  const warnings = [...proposal.warnings];

  try {
    return await db.$transaction(
      async (tx) => {
        const issue = await issueFor(tx, actor, target, publication.id);
        const sections = await sectionIds(tx, issue.id, proposal, publication.defaultSections);
        const mediaIds = new Map<number, number | null>();
        let standIn: number | null = null;
        const mediaFor = async (index: number | null, caption: string | null, credit: string | null) => {
          if (index === null) {
            if (isArchive) return null;
            standIn ??= (
              await storeImage(tx, storage, await standInPhoto(), {
                originalName: 'anh-can-thay.jpg',
                alt: 'Ảnh cần thay',
                uploadedById: actor.id,
              })
            ).id;
            return standIn;
          }
          if (!mediaIds.has(index)) {
            try {
              const stored = await storeImage(tx, storage, analysis.images[index]!, {
                originalName: `${slugify(request.fileName)}-anh-${index + 1}.jpg`,
                caption,
                credit,
                alt: caption,
                uploadedById: actor.id,
              });
              mediaIds.set(index, stored.id);
            } catch (error) {
              if (!(error instanceof ImageRejectedError)) throw error;
              warnings.push(`Ảnh số ${index + 1} trong tệp không dùng được (${error.message}); chỉ giữ chú thích.`);
              mediaIds.set(index, null);
            }
          }
          return mediaIds.get(index) ?? null;
        };

        const articleIds: number[] = [];
        for (const section of proposal.sections) {
          const sectionId = sections.get(section.id)!;
          let position = await tx.articlePlacement.count({ where: { sectionId } });
          for (const article of section.articles) {
            const placed = new Map<object, number | null>();
            for (const block of article.body)
              if (block.type === 'image') placed.set(block, await mediaFor(block.image, block.caption, block.credit));
            const document = toArticleDocument(article, (block) => placed.get(block) ?? null);
            const body = document as unknown as Prisma.InputJsonValue;
            const field = fields.get(article.id)!;
            const content = {
              title: field.title,
              lead: field.lead,
              body,
              sourceAuthors: field.sourceAuthors,
              sourceOutlet: field.sourceOutlet,
              sourceUrl: field.sourceUrl,
            };
            const media = [...new Set([...placed.values()].filter((id): id is number => id !== null))];
            const created = await tx.article.create({
              data: {
                ...content,
                slug: await uniqueSlug(slugify(field.title), (candidate) => isSlugTaken(tx, candidate)),
                authorId: actor.id,
                ...(isArchive
                  ? {
                      status: 'PUBLISHED' as const,
                      publishAt: issue.publishAt,
                      publishedAt: issue.publishedAt,
                      approvedVersion: 1,
                      approvedById: actor.id,
                    }
                  : {}),
                media: { create: media.map((mediaId) => ({ mediaId })) },
                revisions: { create: { ...content, version: 1, authorId: actor.id } },
                placement: { create: { sectionId, position: position++ } },
              },
            });
            await recordAudit(tx, {
              actorId: actor.id,
              action: 'article.imported',
              entityType: 'article',
              entityId: created.id,
              data: { file: request.fileName, issueId: issue.id, status: created.status },
            });
            articleIds.push(created.id);
          }
        }
        if (isArchive && analysis.format === 'pdf') {
          await tx.issuePrintFile.create({
            data: {
              issueId: issue.id,
              bytes: new Uint8Array(request.bytes),
              sha256: createHash('sha256').update(request.bytes).digest('hex'),
              byteSize: request.bytes.length,
              originalName: request.fileName.slice(0, 255),
            },
          });
        } else if (isArchive) warnings.push('Tệp gốc không phải PDF nên bản in của số này sẽ được tạo từ nội dung.');
        const updated =
          target.kind === 'existing' ? await tx.issue.update({ where: { id: issue.id }, data: { version: { increment: 1 } } }) : issue;
        await recordAudit(tx, {
          actorId: actor.id,
          action: target.kind === 'archive' ? 'issue.archive.imported' : 'issue.imported',
          entityType: 'issue',
          entityId: issue.id,
          data: {
            version: updated.version,
            file: request.fileName,
            format: analysis.format,
            articles: articleIds.length,
            edits: edits.length,
          },
        });
        return { issueId: issue.id, number: issue.number, year: issue.year, articleIds, warnings };
      },
      { timeout: 180_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error) && target.kind !== 'existing') {
      const message = `Số ${formatIssueNumber(target.number)}/${target.year} đã tồn tại. Hãy chọn số khác hoặc thêm bài vào số đó.`;
      throw new ConflictError(message, { number: target.number, year: target.year });
    }
    throw error;
  }
}
