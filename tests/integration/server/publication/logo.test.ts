import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/server/db/client';
import { ImageRejectedError } from '@/server/media/images';
import { ForbiddenError } from '@/server/permissions';
import { setPublicationLogo } from '@/server/publication/commands';

const actorFor = async (email: string) => {
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, role: user.role };
};

describe('setPublicationLogo', () => {
  it('stores a re-encoded logo, bumps the version and audits it', async () => {
    const admin = await actorFor('quantri@demo.local');
    const publication = await getDb().publication.findFirstOrThrow();
    const png = await sharp({ create: { width: 400, height: 200, channels: 4, background: '#a8201a' } })
      .png()
      .toBuffer();
    const { mediaId } = await setPublicationLogo(admin, publication.id, { bytes: png, fileName: 'logo.png' });
    const after = await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } });
    expect(after).toMatchObject({ logoMediaId: mediaId, version: publication.version + 1 });
    expect(await getDb().media.findUniqueOrThrow({ where: { id: mediaId } })).toMatchObject({ mimeType: 'image/jpeg', width: 400 });
    expect(await getDb().auditEvent.count({ where: { action: 'publication.logoChanged', entityId: String(publication.id) } })).toBe(1);
  });

  it('refuses an editor and a file that is not an image, changing nothing', async () => {
    const publication = await getDb().publication.findFirstOrThrow();
    const editor = await actorFor('bientap@demo.local');
    const admin = await actorFor('quantri@demo.local');
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await expect(setPublicationLogo(editor, publication.id, { bytes: png, fileName: 'x.png' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setPublicationLogo(admin, publication.id, { bytes: Buffer.from('<svg onload=alert(1)>'), fileName: 'x.jpg' }),
    ).rejects.toBeInstanceOf(ImageRejectedError);
    expect((await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } })).logoMediaId).toBe(publication.logoMediaId);
  });
});
