import 'server-only';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { getDb, type Transaction } from '../db/client';
import { ConflictError, NotFoundError } from '../errors';
import { assertCan, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { getMediaStorage, storeImage } from '../media/service';
import { optionalCalendarDateSchema } from '@/schemas/dates';
import { singleLineText } from '@/schemas/text';
import type { Cadence, PageSize } from '@/generated/prisma/enums';

// The publication's settings (masthead, credit, print format, cadence, colophon, default
// sections): read for the settings form and saved as a whole, against the version the form
// was loaded with, so of two admins saving from the same version the later one is refused.

export const PAGE_SIZE_LABELS: Record<PageSize, string> = { A4: 'A4', B5_19X27: '19 × 27 cm' };
export const CADENCE_LABELS: Record<Cadence, string> = { WEEKLY: 'Hằng tuần', BIWEEKLY: '2 tuần', DAILY: 'Hằng ngày' };
/** Columns of the print PDF's article pages. */
export const BODY_COLUMN_LABELS: Record<'1' | '2', string> = { '1': 'Một cột', '2': 'Hai cột (kiểu bản tin in)' };

const TEXT_MAX = 300;
const BAD_COLUMNS = 'Số cột của bản PDF phải là 1 hoặc 2.';
const SECTIONS_MAX = 20;

const requiredText = (label: string) =>
  singleLineText(z.string().min(1, `Cần nhập ${label}.`).max(TEXT_MAX, `${label} tối đa ${TEXT_MAX} ký tự.`), `Cần nhập ${label}.`);

/** Blank means "not set": stored as null. */
const optionalText = (label: string) =>
  singleLineText(z.string().max(TEXT_MAX, `${label} tối đa ${TEXT_MAX} ký tự.`), `${label} không hợp lệ.`).transform(
    (value) => value || null,
  );

const settingsFieldsSchema = z.strictObject({
  mastheadTitle: requiredText('tên ấn phẩm'),
  agencyName: requiredText('tên cơ quan'),
  creditLabel: requiredText('nhãn dòng biên tập'),
  creditLine: requiredText('dòng biên tập'),
  pageSize: z.enum(['A4', 'B5_19X27'], { error: 'Khổ giấy phải là A4 hoặc 19 × 27 cm.' }),
  cadence: z.enum(['WEEKLY', 'BIWEEKLY', 'DAILY'], { error: 'Định kỳ phải là hằng tuần, 2 tuần hoặc hằng ngày.' }),
  /** 1 or 2, as a number or as the form's text. */
  bodyColumns: z.coerce.number({ error: BAD_COLUMNS }).pipe(z.union([z.literal(1), z.literal(2)], { error: BAD_COLUMNS })),
  licenceNumber: optionalText('Số giấy phép'),
  licenceDate: optionalCalendarDateSchema('Ngày cấp phép'),
  printingPlace: optionalText('Nơi in'),
  printRun: optionalText('Số lượng in'),
  frequencyText: optionalText('Kỳ hạn xuất bản'),
  responsiblePerson: optionalText('Người chịu trách nhiệm xuất bản'),
  /** In their order; an entry without `id` is a new section, a stored one left out is removed. */
  defaultSections: z
    .array(
      z.strictObject({
        id: z.number().int().positive('Mã chuyên mục không hợp lệ.').optional(),
        title: requiredText('tên chuyên mục'),
        expectsSource: z.boolean({ error: 'Giá trị “cần nguồn” không hợp lệ.' }),
      }),
      { error: 'Danh sách chuyên mục không hợp lệ.' },
    )
    .min(1, 'Cần ít nhất một chuyên mục mặc định.')
    .max(SECTIONS_MAX, `Tối đa ${SECTIONS_MAX} chuyên mục mặc định.`),
});

/** Only the fields a form submitted change; one that is left out keeps its stored value. */
export const publicationSettingsSchema = settingsFieldsSchema.partial().extend({
  publicationId: z.number({ error: 'Thiếu ấn phẩm.' }).int().positive('Mã ấn phẩm không hợp lệ.'),
  expectedVersion: z.number({ error: 'Thiếu phiên bản của cài đặt.' }).int().positive('Phiên bản của cài đặt không hợp lệ.'),
});

export type PublicationSettings = Omit<z.output<typeof settingsFieldsSchema>, 'defaultSections'> & {
  publicationId: number;
  version: number;
  defaultSections: { id: number; title: string; expectsSource: boolean }[];
};

const STALE_SETTINGS = 'Cài đặt vừa được người khác lưu. Tải lại trang để xem bản mới; thay đổi của bạn chưa được lưu.';

/** The first publication's settings, as the form edits them. */
export async function getPublicationSettings(actor: PermissionActor): Promise<PublicationSettings> {
  assertCan(actor, 'publication.manage');
  const publication = await getDb().publication.findFirst({
    orderBy: { id: 'asc' },
    include: { defaultSections: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  });
  if (!publication) throw new NotFoundError('Chưa có ấn phẩm nào.');
  const { id, version, defaultSections } = publication;
  return {
    publicationId: id,
    version,
    mastheadTitle: publication.mastheadTitle,
    agencyName: publication.agencyName,
    creditLabel: publication.creditLabel,
    creditLine: publication.creditLine,
    pageSize: publication.pageSize,
    cadence: publication.cadence,
    // The database allows only 1 and 2 (a CHECK constraint).
    bodyColumns: publication.bodyColumns === 2 ? 2 : 1,
    licenceNumber: publication.licenceNumber,
    licenceDate: publication.licenceDate,
    printingPlace: publication.printingPlace,
    printRun: publication.printRun,
    frequencyText: publication.frequencyText,
    responsiblePerson: publication.responsiblePerson,
    defaultSections: defaultSections.map((section) => ({ id: section.id, title: section.title, expectsSource: section.expectsSource })),
  };
}

type DefaultSectionsInput = NonNullable<z.output<typeof publicationSettingsSchema>['defaultSections']>;

/** The default sections as listed, in order; a stored one left out is removed. Returns the removed ids. */
async function replaceDefaultSections(tx: Transaction, publicationId: number, sections: DefaultSectionsInput): Promise<number[]> {
  const stored = await tx.publicationSection.findMany({ where: { publicationId }, select: { id: true } });
  const storedIds = new Set(stored.map((section) => section.id));
  const unknown = sections.find((section) => section.id !== undefined && !storedIds.has(section.id));
  if (unknown) throw new NotFoundError('Một chuyên mục mặc định vừa bị xoá. Tải lại trang để xem danh sách mới.');
  const kept = new Set(sections.flatMap((section) => section.id ?? []));
  await tx.publicationSection.deleteMany({ where: { publicationId, id: { notIn: [...kept] } } });
  for (const [position, { id, title, expectsSource }] of sections.entries()) {
    if (id === undefined) await tx.publicationSection.create({ data: { publicationId, title, expectsSource, position } });
    else await tx.publicationSection.update({ where: { id }, data: { title, expectsSource, position } });
  }
  return [...storedIds].filter((id) => !kept.has(id));
}

/**
 * Saves the settings and the default sections (used by issues created from now on; existing
 * issues keep their own sections). Returns the new version.
 */
export async function updatePublicationSettings(actor: PermissionActor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, 'publication.manage');
  const { publicationId, expectedVersion, defaultSections, ...fields } = parseInput(publicationSettingsSchema, input);
  return getDb().$transaction(async (tx) => {
    // FOR UPDATE serialises two saves; the version check then refuses the later one.
    const rows = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "Publication" WHERE id = ${publicationId} FOR UPDATE`;
    if (rows.length === 0) throw new NotFoundError('Không tìm thấy ấn phẩm.');
    if (rows[0]!.version !== expectedVersion) throw new ConflictError(STALE_SETTINGS, { version: rows[0]!.version });

    const removedSectionIds = defaultSections ? await replaceDefaultSections(tx, publicationId, defaultSections) : [];
    const publication = await tx.publication.update({ where: { id: publicationId }, data: { ...fields, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'publication.updated',
      entityType: 'publication',
      entityId: publicationId,
      data: {
        version: publication.version,
        fields: Object.keys(fields),
        ...(defaultSections ? { defaultSections: defaultSections.map((section) => section.title), removedSectionIds } : {}),
      },
    });
    return { version: publication.version };
  });
}

/**
 * Replaces the publication's logo (masthead of the web page and of the PDF) with an uploaded
 * image, checked and re-encoded like every upload. Throws ImageRejectedError for a bad file.
 */
export async function setPublicationLogo(
  actor: PermissionActor,
  publicationId: number,
  image: { bytes: Buffer; fileName: string },
): Promise<{ mediaId: number }> {
  assertCan(actor, 'publication.manage');
  const media = await storeImage(getDb(), getMediaStorage(), image.bytes, {
    originalName: image.fileName,
    alt: 'Biểu trưng',
    uploadedById: actor.id,
  });
  return getDb().$transaction(async (tx) => {
    const publication = await tx.publication.update({
      where: { id: publicationId },
      data: { logoMediaId: media.id, version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'publication.logoChanged',
      entityType: 'publication',
      entityId: publicationId,
      data: { mediaId: media.id, version: publication.version },
    });
    return { mediaId: media.id };
  });
}
