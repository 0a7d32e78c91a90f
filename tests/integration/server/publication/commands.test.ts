import { beforeAll, describe, expect, it } from 'vitest';
import { getPublicationSettings, updatePublicationSettings } from '@/server/publication/commands';
import { createIssue } from '@/server/issues/numbering';
import { getDb } from '@/server/db/client';
import { ConflictError, ValidationError } from '@/server/errors';
import { AuthError } from '@/server/errors';
import { ForbiddenError, type PermissionActor } from '@/server/permissions';
import { actorFor } from '../../../factories/users';

let admin: PermissionActor;
let approver: PermissionActor;
let editor: PermissionActor;

beforeAll(async () => {
  admin = await actorFor('quantri@demo.local');
  approver = await actorFor('duyet@demo.local');
  editor = await actorFor('bientap@demo.local');
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** The current settings as the form would post them back unchanged. */
async function currentInput() {
  const { version, licenceDate, defaultSections, ...settings } = await getPublicationSettings(admin);
  return {
    ...settings,
    expectedVersion: version,
    licenceNumber: settings.licenceNumber ?? '',
    licenceDate: licenceDate ? licenceDate.toISOString().slice(0, 10) : '',
    printingPlace: settings.printingPlace ?? '',
    printRun: settings.printRun ?? '',
    frequencyText: settings.frequencyText ?? '',
    responsiblePerson: settings.responsiblePerson ?? '',
    defaultSections: defaultSections as { id?: number; title: string; expectsSource: boolean }[],
  };
}

describe('getPublicationSettings', () => {
  it('reads the demo publication with its two default sections in order', async () => {
    const settings = await getPublicationSettings(admin);
    expect(settings.mastheadTitle).toBe('THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU');
    expect(settings.defaultSections.map((section) => section.title)).toEqual(['Thông tin CCHC của Trung ương', 'Thông tin CCHC của tỉnh']);
  });
});

describe('updatePublicationSettings', () => {
  it('saves the fields and the colophon, reorders, renames, adds and removes default sections, audits it, and new issues get them', async () => {
    const input = await currentInput();
    const [central, province] = input.defaultSections;
    const { version } = await updatePublicationSettings(admin, {
      ...input,
      creditLine: '  Phòng   Cải cách hành chính ',
      pageSize: 'B5_19X27',
      cadence: 'WEEKLY',
      bodyColumns: '2',
      licenceNumber: '12/GP-STTTT',
      licenceDate: '2025-03-14',
      printRun: '300 bản',
      responsiblePerson: '',
      defaultSections: [
        { id: province!.id, title: 'Cải cách địa phương', expectsSource: false },
        { title: 'Phân tích – Bình luận', expectsSource: true },
        { id: central!.id, title: central!.title, expectsSource: true },
      ],
    });
    expect(version).toBe(input.expectedVersion + 1);

    const saved = await getPublicationSettings(admin);
    expect(saved).toMatchObject({
      version,
      creditLine: 'Phòng Cải cách hành chính',
      pageSize: 'B5_19X27',
      cadence: 'WEEKLY',
      bodyColumns: 2,
      licenceNumber: '12/GP-STTTT',
      licenceDate: new Date('2025-03-14T00:00:00Z'),
      printRun: '300 bản',
      responsiblePerson: null,
    });
    expect(saved.defaultSections.map(({ title, expectsSource }) => ({ title, expectsSource }))).toEqual([
      { title: 'Cải cách địa phương', expectsSource: false },
      { title: 'Phân tích – Bình luận', expectsSource: true },
      { title: 'Thông tin CCHC của Trung ương', expectsSource: true },
    ]);
    expect(saved.defaultSections[0]!.id).toBe(province!.id);

    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'publication.updated' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: 'publication', entityId: String(input.publicationId) });
    expect(event.data).toMatchObject({
      version,
      defaultSections: ['Cải cách địa phương', 'Phân tích – Bình luận', 'Thông tin CCHC của Trung ương'],
    });

    const issue = await createIssue(editor, {
      publicationId: input.publicationId,
      number: 60,
      year: 2039,
      periodStart: '2039-01-01',
      periodEnd: '2039-01-07',
    });
    const sections = await getDb().issueSection.findMany({ where: { issueId: issue.id }, orderBy: { position: 'asc' } });
    expect(sections.map((section) => section.title)).toEqual([
      'Cải cách địa phương',
      'Phân tích – Bình luận',
      'Thông tin CCHC của Trung ương',
    ]);

    // Removing a default section leaves the issues that copied it alone.
    const again = await currentInput();
    await updatePublicationSettings(admin, { ...again, defaultSections: again.defaultSections.slice(0, 1) });
    expect((await getPublicationSettings(admin)).defaultSections.map((section) => section.title)).toEqual(['Cải cách địa phương']);
    expect(await getDb().issueSection.count({ where: { issueId: issue.id } })).toBe(3);
  });

  it('refuses the later of two saves from the same version, changing nothing', async () => {
    const input = await currentInput();
    await updatePublicationSettings(admin, { ...input, agencyName: 'Sở Nội vụ tỉnh Lai Châu' });
    const error = await failure(updatePublicationSettings(admin, { ...input, agencyName: 'Tên bị ghi đè' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/vừa được người khác lưu/);
    expect((await getPublicationSettings(admin)).agencyName).toBe('Sở Nội vụ tỉnh Lai Châu');
  });

  it('refuses bad values with a Vietnamese message per field, and unknown fields', async () => {
    const input = await currentInput();
    const error = await failure(
      updatePublicationSettings(admin, {
        ...input,
        mastheadTitle: '   ',
        pageSize: 'A3',
        cadence: 'MONTHLY',
        bodyColumns: '3',
        licenceDate: '31/02/2025',
        defaultSections: [],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      mastheadTitle: 'Cần nhập tên ấn phẩm.',
      pageSize: 'Khổ giấy phải là A4 hoặc 19 × 27 cm.',
      cadence: 'Định kỳ phải là hằng tuần, 2 tuần hoặc hằng ngày.',
      bodyColumns: 'Số cột của bản PDF phải là 1 hoặc 2.',
      licenceDate: 'Ngày cấp phép không hợp lệ (cần dạng dd/mm/yyyy).',
      defaultSections: 'Cần ít nhất một chuyên mục mặc định.',
    });
    const extra = await failure(updatePublicationSettings(admin, { ...input, version: 99 }));
    expect((extra as ValidationError).fieldErrors).toEqual({ version: 'Trường không được phép.' });
    const foreign = await failure(
      updatePublicationSettings(admin, { ...input, defaultSections: [{ id: 999_999, title: 'Lạ', expectsSource: false }] }),
    );
    expect((foreign as Error).message).toMatch(/vừa bị xoá/);
    expect((await getPublicationSettings(admin)).version).toBe(input.expectedVersion);
  });

  it('is for admins only', async () => {
    const input = await currentInput();
    for (const actor of [editor, approver]) {
      expect(await failure(updatePublicationSettings(actor, input))).toBeInstanceOf(ForbiddenError);
      expect(await failure(getPublicationSettings(actor))).toBeInstanceOf(ForbiddenError);
    }
    expect(await failure(updatePublicationSettings(null as unknown as PermissionActor, input))).toBeInstanceOf(AuthError);
    expect((await getPublicationSettings(admin)).version).toBe(input.expectedVersion);
  });
});
