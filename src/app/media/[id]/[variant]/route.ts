import { z } from 'zod';
import { findPublicMedia } from '@/server/media/queries';
import { getMediaStorage } from '@/server/media/service';
import { variantKey } from '@/server/media/images';

const paramsSchema = z.object({
  id: z.string().regex(/^\d{1,9}$/).transform(Number),
  variant: z.enum(['web', 'print']),
});

const notFound = () => new Response('Không tìm thấy ảnh.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

// Served here, not through /_next/image, so visibility is checked on every request.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return notFound();
  const media = await findPublicMedia(parsed.data.id);
  if (!media) return notFound();
  const bytes = await getMediaStorage().get(variantKey(media.storageKey, parsed.data.variant));
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'image/jpeg',
      'Content-Length': String(bytes.length),
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
