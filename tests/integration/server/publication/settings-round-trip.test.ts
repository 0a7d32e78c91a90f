import { beforeAll, describe, expect, it } from 'vitest';
import { getPublicationSettings, updatePublicationSettings, type PublicationSettings } from '@/server/publication/commands';
import type { PermissionActor } from '@/server/permissions';
import { actorFor } from '../../../factories/users';

// Every field of the publication settings round-trips, and a save changes only what it sent:
// changing "Số lượng in" alone must never put the paper size (or anything else) back.

let admin: PermissionActor;

beforeAll(async () => {
  admin = await actorFor('quantri@demo.local');
});

const CHANGES: [keyof PublicationSettings, string, unknown][] = [
  ['mastheadTitle', 'THÔNG TIN CẢI CÁCH HÀNH CHÍNH TỈNH THỬ', 'THÔNG TIN CẢI CÁCH HÀNH CHÍNH TỈNH THỬ'],
  ['agencyName', 'Sở Nội vụ tỉnh Thử', 'Sở Nội vụ tỉnh Thử'],
  ['creditLabel', 'BIÊN TẬP', 'BIÊN TẬP'],
  ['creditLine', 'Phòng CCHC thử', 'Phòng CCHC thử'],
  ['pageSize', 'B5_19X27', 'B5_19X27'],
  ['cadence', 'WEEKLY', 'WEEKLY'],
  ['licenceNumber', '12/GP-STTTT', '12/GP-STTTT'],
  ['licenceDate', '14/03/2025', new Date('2025-03-14T00:00:00Z')],
  ['printingPlace', 'Nhà in Lai Châu', 'Nhà in Lai Châu'],
  ['printRun', '500 bản', '500 bản'],
  ['frequencyText', '2 tuần/kỳ', '2 tuần/kỳ'],
  ['responsiblePerson', 'Nguyễn Văn A', 'Nguyễn Văn A'],
];

describe('publication settings, field by field', () => {
  it.each(CHANGES)('saves %s alone and leaves every other field as it was', async (field, typed, stored) => {
    const before = await getPublicationSettings(admin);
    const { version } = await updatePublicationSettings(admin, {
      publicationId: before.publicationId,
      expectedVersion: before.version,
      [field]: typed,
    });
    const after = await getPublicationSettings(admin);
    expect(after[field]).toEqual(stored);
    expect({ ...after, [field]: before[field], version: before.version }).toEqual(before);
    expect(after.version).toBe(version);
  });

  it('keeps 19 × 27 cm when only the print run changes (the reported defect)', async () => {
    const start = await getPublicationSettings(admin);
    const sized = await updatePublicationSettings(admin, {
      publicationId: start.publicationId,
      expectedVersion: start.version,
      pageSize: 'B5_19X27',
    });
    await updatePublicationSettings(admin, { publicationId: start.publicationId, expectedVersion: sized.version, printRun: '1.000 bản' });
    expect(await getPublicationSettings(admin)).toMatchObject({ pageSize: 'B5_19X27', printRun: '1.000 bản' });
  });

  it('clears an optional field sent blank', async () => {
    const start = await getPublicationSettings(admin);
    await updatePublicationSettings(admin, {
      publicationId: start.publicationId,
      expectedVersion: start.version,
      printingPlace: '',
      licenceDate: '',
    });
    expect(await getPublicationSettings(admin)).toMatchObject({ printingPlace: null, licenceDate: null });
  });
});
