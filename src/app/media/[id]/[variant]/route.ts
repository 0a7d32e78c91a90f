import { z } from 'zod';
import { getActor } from '@/server/auth/session';
import { findMediaForEditors } from '@/server/media/library';
import { findPublicMediaRemembered } from '@/server/media/queries';
import { getMediaStorage } from '@/server/media/service';
import { variantKey } from '@/server/media/images';
import { isDatabaseReachable } from '@/server/page-cache/runtime';
import { serviceUnavailableResponse } from '@/server/page-cache/outage';
import { matchesEntityTag, PRIVATE_NO_STORE, PUBLIC_FILE_CACHE_CONTROL } from '@/lib/http-headers';

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
  const media = await findPublicMediaRemembered(id);
  if (media) return { media, isPublic: true };
  const editorMedia = (await getActor()) ? await findMediaForEditors(id) : null;
  return editorMedia ? { media: editorMedia, isPublic: false } : null;
}

// Served here, not through /_next/image, so visibility is checked on every request. A public
// image may sit in a shared cache one second, then is revalidated with its ETag (a 304 reads
// no file): unpublishing its article takes it away from everyone.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return notFound();
  let found: Awaited<ReturnType<typeof findVisibleMedia>>;
  try {
    found = await findVisibleMedia(parsed.data.id);
  } catch (error) {
    if (!isDatabaseReachable()) return serviceUnavailableResponse();
    throw error;
  }
  if (!found) return notFound();
  const { media, isPublic } = found;
  const headers = {
    // The bytes of an id never change (a new upload is a new id); the tag names them.
    ETag: `"${media.id}-${parsed.data.variant}-${media.sha256.slice(0, 16)}"`,
    // An unpublished image must not land in a shared cache.
    'Cache-Control': isPublic ? PUBLIC_FILE_CACHE_CONTROL : PRIVATE_NO_STORE,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (matchesEntityTag(request.headers.get('if-none-match'), headers.ETag)) return new Response(null, { status: 304, headers });
  const bytes = await getMediaStorage().get(variantKey(media.storageKey, parsed.data.variant));
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, 'Content-Type': 'image/jpeg', 'Content-Length': String(bytes.length) },
  });
}
