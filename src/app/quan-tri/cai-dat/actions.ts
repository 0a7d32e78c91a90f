'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/server/auth/session';
import { setPublicationLogo, updatePublicationSettings } from '@/server/publication/commands';
import { ImageRejectedError } from '@/server/media/images';
import { formFields } from '@/lib/form-data';
import { INVALID_FORM, refusal, type FormState } from '../ban-tin/form-state';

const idField = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

// The settings form: one value per field, and the default sections as three parallel lists
// (id, blank for a new one; title; whether it expects a source), in their order.
const TEXT_FIELDS = [
  'mastheadTitle',
  'agencyName',
  'creditLabel',
  'creditLine',
  'pageSize',
  'cadence',
  'bodyColumns',
  'licenceNumber',
  'licenceDate',
  'printingPlace',
  'printRun',
  'frequencyText',
  'responsiblePerson',
] as const;

const settingsForm = z.strictObject({
  publicationId: idField,
  expectedVersion: idField,
  values: z.strictObject(
    Object.fromEntries(TEXT_FIELDS.map((name) => [name, z.string()])) as Record<(typeof TEXT_FIELDS)[number], z.ZodString>,
  ),
  sectionId: z.array(z.union([z.literal(''), idField])),
  sectionTitle: z.array(z.string()),
  sectionExpectsSource: z.array(z.enum(['true', 'false'])),
});

const SECTION_LISTS = ['sectionId', 'sectionTitle', 'sectionExpectsSource'] as const;

export async function updateSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { publicationId, expectedVersion, ...values } = formFields(formData);
  const lists = Object.fromEntries(SECTION_LISTS.map((name) => [name, formData.getAll(name)]));
  for (const name of SECTION_LISTS) delete values[name];
  const parsed = settingsForm.safeParse({ publicationId, expectedVersion, values, ...lists });
  if (!parsed.success) return INVALID_FORM;
  const { sectionId, sectionTitle, sectionExpectsSource } = parsed.data;
  if (sectionTitle.length !== sectionId.length || sectionExpectsSource.length !== sectionId.length) return INVALID_FORM;
  try {
    await updatePublicationSettings(await requireActor(), {
      publicationId: parsed.data.publicationId,
      expectedVersion: parsed.data.expectedVersion,
      ...parsed.data.values,
      defaultSections: sectionTitle.map((title, index) => ({
        ...(sectionId[index] ? { id: sectionId[index] } : {}),
        title,
        expectsSource: sectionExpectsSource[index] === 'true',
      })),
    });
  } catch (error) {
    return refusal(error, parsed.data.values);
  }
  revalidatePath('/quan-tri/cai-dat');
  // The masthead and the office's name are on every public page.
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Đã lưu cài đặt của ấn phẩm.' };
}

// Below next.config.ts's server-action body limit (5 MB), so the answer is ours, not Next's.
const MAX_LOGO_BYTES = 4 * 1024 * 1024;
const logoForm = z.strictObject({ publicationId: idField, logo: z.instanceof(File) });

/** A plain multipart form (works without JavaScript); the command checks and re-encodes the image. */
export async function uploadLogoAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = logoForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { publicationId, logo } = parsed.data;
  if (logo.size === 0) return { ok: false, message: 'Hãy chọn một tệp ảnh.' };
  if (logo.size > MAX_LOGO_BYTES) return { ok: false, message: `Ảnh biểu trưng quá lớn (tối đa ${MAX_LOGO_BYTES / 1024 / 1024} MB).` };
  try {
    const actor = await requireActor();
    await setPublicationLogo(actor, publicationId, { bytes: Buffer.from(await logo.arrayBuffer()), fileName: logo.name });
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, message: error.message };
    return refusal(error);
  }
  revalidatePath('/quan-tri/cai-dat');
  return { ok: true, message: 'Đã cập nhật biểu trưng.' };
}
