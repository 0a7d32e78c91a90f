import { z } from 'zod';
import { getActor } from '@/server/auth/session';
import { findMediaForEditors } from '@/server/media/library';
import { findPublicMedia } from '@/server/media/queries';
import { getMediaStorage } from '@/server/media/service';
import { variantKey } from '@/server/media/images';

const paramsSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
  variant: z.enum(['web', 'print']),
});

const notFound = () => new Response('Không tìm thấy ảnh.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Public media for everyone; a signed-in editor also sees images of unpublished articles. */
async function findVisibleMedia(id: number) {
  const media = await findPublicMedia(id);
  if (media) return { media, isPublic: true };
  const editorMedia = (await getActor()) ? await findMediaForEditors(id) : null;
  return editorMedia ? { media: editorMedia, isPublic: false } : null;
}

// Served here, not through /_next/image, so visibility is checked on every request.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return notFound();
  const found = await findVisibleMedia(parsed.data.id);
  if (!found) return notFound();
  const { media, isPublic } = found;
  const bytes = await getMediaStorage().get(variantKey(media.storageKey, parsed.data.variant));
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'image/jpeg',
      'Content-Length': String(bytes.length),
      // An unpublished image must not land in a shared cache.
      'Cache-Control': isPublic ? 'public, max-age=3600' : 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
