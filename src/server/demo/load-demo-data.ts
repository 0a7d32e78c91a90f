import 'server-only';
import { recordAudit } from '../audit';
import sharp from 'sharp';
import type { Database } from '../db/client';
import type { MediaStorage } from '../media/storage';
import { storeImage } from '../media/service';
import { hashPassword } from '../auth/passwords';
import { slugify, uniqueSlug } from '@/lib/slug';
import { parseCalendarDate, vietnamTime } from '@/lib/dates';
import { readDemoIssues, toRichDocument } from './demo-data';
import { Prisma } from '@/generated/prisma/client';

export const DEMO_PASSWORD = 'DemoCCHC@2025';
export const DEMO_ACCOUNTS = [
  { email: 'quantri@demo.local', name: 'Quản trị hệ thống', role: 'ADMIN' },
  { email: 'bientap@demo.local', name: 'Nguyễn Thị Biên Tập', role: 'EDITOR' },
  { email: 'duyet@demo.local', name: 'Trần Văn Duyệt', role: 'APPROVER' },
] as const;

export const DEFAULT_PUBLICATION = {
  slug: 'thong-tin-cchc-lai-chau',
  mastheadTitle: 'THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU',
  agencyName: 'Sở Nội vụ tỉnh Lai Châu',
  creditLabel: 'BIÊN TẬP VÀ TRÌNH BÀY',
  creditLine: 'Phòng cải cách hành chính, Sở Nội vụ tỉnh Lai Châu',
  defaultSections: ['Thông tin CCHC của Trung ương', 'Thông tin CCHC của tỉnh'],
};

/**
 * A stand-in photograph for each captioned photo of the printed bulletins (the seeds carry
 * only captions): a calm gradient, different for each, passed through the real image pipeline.
 */
async function placeholderPhoto(index: number): Promise<Buffer> {
  const hue = (index * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="1125">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},35%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},40%,38%)"/>
    </linearGradient></defs>
    <rect width="1800" height="1125" fill="url(#g)"/>
    <circle cx="1350" cy="330" r="160" fill="hsl(${hue},50%,88%)" opacity="0.55"/>
    <path d="M0 900 L520 520 L860 780 L1200 470 L1800 960 L1800 1125 L0 1125 Z" fill="hsl(${(hue + 200) % 360},25%,25%)" opacity="0.55"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export type DemoLoadResult = { loaded: false } | { loaded: true; issues: number; articles: number; images: number };

/**
 * Loads the publication, the two real issues and (unless told not to) the demo accounts,
 * when the database has no publication yet. Every row is written in one transaction, so a
 * failure leaves the database as it was (image files already written are then unreferenced).
 */
export async function loadDemoData(db: Database, storage: MediaStorage, options: { includeAccounts: boolean }): Promise<DemoLoadResult> {
  if ((await db.publication.count()) > 0) return { loaded: false };
  const issues = await readDemoIssues();
  const passwordHash = options.includeAccounts ? await hashPassword(DEMO_PASSWORD) : null;

  return db.$transaction(
    async (tx) => {
      const publication = await tx.publication.create({
        data: {
          slug: DEFAULT_PUBLICATION.slug,
          mastheadTitle: DEFAULT_PUBLICATION.mastheadTitle,
          agencyName: DEFAULT_PUBLICATION.agencyName,
          creditLabel: DEFAULT_PUBLICATION.creditLabel,
          creditLine: DEFAULT_PUBLICATION.creditLine,
          cadence: 'BIWEEKLY',
          frequencyText: '2 số/tháng',
          responsiblePerson: 'Trưởng phòng Cải cách hành chính',
          printingPlace: 'Sở Nội vụ tỉnh Lai Châu',
          defaultSections: {
            create: DEFAULT_PUBLICATION.defaultSections.map((title, position) => ({ title, position, expectsSource: position === 0 })),
          },
        },
      });
      let authorId: number;
      if (passwordHash) {
        const users = await Promise.all(DEMO_ACCOUNTS.map((account) => tx.user.create({ data: { ...account, passwordHash } })));
        authorId = users.find((user) => user.role === 'EDITOR')!.id;
      } else {
        // Production data gets its content author as a system account that cannot sign in.
        const system = await tx.user.create({
          data: { email: 'he-thong@ban-tin.local', name: 'Dữ liệu mẫu', role: 'EDITOR', passwordHash: '!', isActive: false },
        });
        authorId = system.id;
      }
      const approverId = (await tx.user.findFirst({ where: { role: 'APPROVER' } }))?.id ?? null;

      const tagIds = new Map<string, number>();
      const tagIdFor = async (name: string) => {
        if (!tagIds.has(name)) {
          const tag = await tx.tag.create({ data: { name, slug: slugify(name) } });
          tagIds.set(name, tag.id);
        }
        return tagIds.get(name)!;
      };

      let articleCount = 0;
      let imageCount = 0;
      for (const demo of issues) {
        const publishedAt = vietnamTime(demo.periodEnd, 8, 0);
        const issue = await tx.issue.create({
          data: {
            publicationId: publication.id,
            number: demo.number,
            year: demo.year,
            periodStart: parseCalendarDate(demo.periodStart),
            periodEnd: parseCalendarDate(demo.periodEnd),
            status: 'PUBLISHED',
            publishAt: publishedAt,
            publishedAt,
            createdById: authorId,
          },
        });
        for (const [sectionIndex, demoSection] of demo.sections.entries()) {
          const section = await tx.issueSection.create({
            data: { issueId: issue.id, title: demoSection.title, position: sectionIndex, expectsSource: sectionIndex === 0 },
          });
          for (const [position, article] of demoSection.articles.entries()) {
            const mediaIds: number[] = [];
            for (const block of article.body) {
              if (block.type !== 'image') continue;
              const media = await storeImage(tx, storage, await placeholderPhoto(imageCount++), {
                originalName: `anh-minh-hoa-${imageCount}.jpg`,
                caption: block.caption || null,
                credit: block.credit,
                alt: block.caption || null,
                uploadedById: authorId,
              });
              mediaIds.push(media.id);
            }
            const body = toRichDocument(article.body, mediaIds) as unknown as Prisma.InputJsonValue;
            const slug = await uniqueSlug(slugify(article.title), async (candidate) =>
              Boolean(await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } })),
            );
            const source = article.source ?? { authors: null, outlet: null, url: null };
            const created = await tx.article.create({
              data: {
                title: article.title,
                slug,
                lead: article.lead,
                body,
                status: 'PUBLISHED',
                sourceAuthors: source.authors,
                sourceOutlet: source.outlet,
                sourceUrl: source.url,
                publishAt: publishedAt,
                publishedAt,
                approvedVersion: 1,
                approvedById: approverId,
                authorId,
                placement: { create: { sectionId: section.id, position } },
                media: { create: mediaIds.map((mediaId) => ({ mediaId })) },
                revisions: {
                  create: {
                    version: 1,
                    title: article.title,
                    lead: article.lead,
                    body,
                    sourceAuthors: source.authors,
                    sourceOutlet: source.outlet,
                    sourceUrl: source.url,
                    authorId,
                  },
                },
              },
            });
            for (const tagName of new Set(article.tags)) {
              await tx.articleTag.create({ data: { articleId: created.id, tagId: await tagIdFor(tagName) } });
            }
            articleCount++;
          }
        }
      }
      await recordAudit(tx, {
        actorId: null,
        action: 'demo.loaded',
        entityType: 'publication',
        entityId: publication.id,
        data: { articles: articleCount },
      });
      return { loaded: true as const, issues: issues.length, articles: articleCount, images: imageCount };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
