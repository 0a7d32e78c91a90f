'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/components/admin/form-state';
import { runAction } from '@/server/outcome';
import { setPublicationLogo, updatePublicationSettings } from '@/server/publication/commands';
import { TooLargeError, ValidationError } from '@/server/errors';
import { parseInput } from '@/server/validation';
import { formFields } from '@/lib/form-data';
import { idField } from '@/lib/route-params';

// The settings form: one value per field, and the default sections as three parallel lists
// (id, blank for a new one; title; whether it expects a source), in their order. Only the
// fields the form sent are changed.
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
    Object.fromEntries(TEXT_FIELDS.map((name) => [name, z.string().optional()])) as Record<
      (typeof TEXT_FIELDS)[number],
      z.ZodOptional<z.ZodString>
    >,
  ),
  sectionId: z.array(z.union([z.literal(''), idField])),
  sectionTitle: z.array(z.string()),
  sectionExpectsSource: z.array(z.enum(['true', 'false'])),
});

const SECTION_LISTS = ['sectionId', 'sectionTitle', 'sectionExpectsSource'] as const;

function defaultSectionsOf({ sectionId, sectionTitle, sectionExpectsSource }: z.output<typeof settingsForm>) {
  if (sectionId.length === 0) return {};
  if (sectionTitle.length !== sectionId.length || sectionExpectsSource.length !== sectionId.length) {
    throw new ValidationError('Danh sách chuyên mục gửi lên không khớp. Vui lòng tải lại trang và thử lại.');
  }
  return {
    defaultSections: sectionTitle.map((title, index) => ({
      ...(sectionId[index] ? { id: sectionId[index] } : {}),
      title,
      expectsSource: sectionExpectsSource[index] === 'true',
    })),
  };
}

export async function updateSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { publicationId, expectedVersion, ...values } = formFields(formData);
  const lists = Object.fromEntries(SECTION_LISTS.map((name) => [name, formData.getAll(name)]));
  for (const name of SECTION_LISTS) delete values[name];
  const outcome = await runAction(
    {
      attempted: 'publication.update',
      entity: { type: 'publication', id: publicationId },
      done: 'Đã lưu cài đặt của ấn phẩm.',
      values: Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    },
    async (actor) => {
      const form = parseInput(settingsForm, { publicationId, expectedVersion, values, ...lists });
      return updatePublicationSettings(actor, {
        publicationId: form.publicationId,
        expectedVersion: form.expectedVersion,
        ...Object.fromEntries(Object.entries(form.values).filter(([, value]) => value !== undefined)),
        ...defaultSectionsOf(form),
      });
    },
  );
  if (outcome.ok) {
    revalidatePath('/quan-tri/cai-dat');
    // The masthead and the office's name are on every public page.
    revalidatePath('/', 'layout');
  }
  return outcome;
}

// Below next.config.ts's server-action body limit (5 MB), so the answer is ours, not Next's.
const MAX_LOGO_BYTES = 4 * 1024 * 1024;
const logoForm = z.strictObject({ publicationId: idField, logo: z.instanceof(File, { error: 'Hãy chọn một tệp ảnh.' }) });

/** A plain multipart form (works without JavaScript); the command checks and re-encodes the image. */
export async function uploadLogoAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const outcome = await runAction(
    { attempted: 'publication.logo', entity: { type: 'publication', id: fields.publicationId }, done: 'Đã cập nhật biểu trưng.' },
    async (actor) => {
      const { publicationId, logo } = parseInput(logoForm, fields);
      if (logo.size === 0) throw new ValidationError('Hãy chọn một tệp ảnh.', { logo: 'Hãy chọn một tệp ảnh.' });
      if (logo.size > MAX_LOGO_BYTES) throw new TooLargeError(`Ảnh biểu trưng quá lớn (tối đa ${MAX_LOGO_BYTES / 1024 / 1024} MB).`);
      return setPublicationLogo(actor, publicationId, { bytes: Buffer.from(await logo.arrayBuffer()), fileName: logo.name });
    },
  );
  if (outcome.ok) {
    revalidatePath('/quan-tri/cai-dat');
    revalidatePath('/', 'layout');
  }
  return outcome;
}
