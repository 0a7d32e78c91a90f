import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { MAX_UPLOAD_BYTES, variantKey } from '@/server/media/images';
import { getMediaStorage } from '@/server/media/service';

// Only the session lookup is replaced; the database, storage and sharp are real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getActor: async () => session.actor,
}));

const { POST, GET } = await import('@/app/quan-tri/api/media/route');
const { GET: getMedia } = await import('@/app/media/[id]/[variant]/route');

const URL_ = 'http://localhost:3000/quan-tri/api/media';
const sameSite = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/octet-stream' };

const upload = (body: BodyInit | null, headers: Record<string, string> = sameSite, init: RequestInit = {}) =>
  POST(new Request(URL_, { method: 'POST', body, headers, duplex: 'half', ...init } as RequestInit));

let editor: Actor;
let jpeg: Buffer;

beforeAll(async () => {
  const user = await getDb().user.findUniqueOrThrow({ where: { email: 'bientap@demo.local' } });
  editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
    .jpeg()
    .toBuffer();
});

beforeEach(() => {
  session.actor = editor;
});

async function storedWebBytes(id: number) {
  const media = await getDb().media.findUniqueOrThrow({ where: { id } });
  return (await getMediaStorage().get(variantKey(media.storageKey, 'web')))!;
}

describe('POST /quan-tri/api/media', () => {
  it('refuses a signed-out request with 401 and stores nothing', async () => {
    session.actor = null;
    const before = await getDb().media.count();
    const response = await upload(new Uint8Array(jpeg));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/đăng nhập/);
    expect(await getDb().media.count()).toBe(before);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['a foreign Origin', { origin: 'https://evil.example', host: 'localhost:3000' }],
  ])('refuses %s with 403', async (_label, headers) => {
    const response = await upload(new Uint8Array(jpeg), headers);
    expect(response.status).toBe(403);
  });

  it('stores a JPEG and answers its id and size', async () => {
    const response = await upload(new Uint8Array(jpeg), { ...sameSite, 'x-file-name': encodeURIComponent('../../ảnh\u202e.jpg') });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(Number), width: 64, height: 48 });
    const media = await getDb().media.findUniqueOrThrow({ where: { id: body.id } });
    expect(media).toMatchObject({ uploadedById: editor.id, originalName: 'ảnh.jpg' });
  });

  it.each([
    ['a text file renamed .jpg', Buffer.from('Đây không phải là ảnh.\n'.repeat(20))],
    ['an SVG with a script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>')],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF')],
  ])('refuses %s with a Vietnamese message', async (_label, bytes) => {
    const response = await upload(new Uint8Array(bytes), { ...sameSite, 'x-file-name': 'anh.jpg' });
    expect([415, 422]).toContain(response.status);
    expect((await response.json()).error).toMatch(/JPEG, PNG hoặc WebP/);
  });

  it('refuses one byte over the limit', async () => {
    const response = await upload(new Uint8Array(MAX_UPLOAD_BYTES + 1));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/quá lớn/);
  });

  it('refuses a body longer than its lying Content-Length', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_UPLOAD_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await upload(stream, { ...sameSite, 'content-length': '1000' });
    expect(response.status).toBe(413);
    // The reader stopped soon after the cap instead of reading everything.
    expect(sent).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 2 * chunk.length);
  });

  it('refuses a 60-megapixel PNG', async () => {
    const png = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: '#ffffff' } })
      .png({ compressionLevel: 9, palette: true, colours: 2 })
      .toBuffer();
    expect(png.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const response = await upload(new Uint8Array(png));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/điểm ảnh/);
  });

  it('strips GPS EXIF from a JPEG', async () => {
    const withGps = await sharp(jpeg)
      .withExifMerge({
        IFD0: { Make: 'Máy ảnh thử' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 23/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '103/1 27/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const response = await upload(new Uint8Array(withGps));
    expect(response.status).toBe(201);
    const stored = await storedWebBytes((await response.json()).id);
    const metadata = await sharp(stored).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
  });

  it('re-encodes a JPEG with HTML appended', async () => {
    const polyglot = Buffer.concat([jpeg, Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]);
    const response = await upload(new Uint8Array(polyglot));
    expect(response.status).toBe(201);
    const stored = await storedWebBytes((await response.json()).id);
    expect(stored.equals(polyglot)).toBe(false);
    expect(stored.includes(Buffer.from('<html'))).toBe(false);
  });
});

describe('media library and unpublished media', () => {
  it('lists uploaded images for a signed-in editor and refuses anyone else', async () => {
    const created = await (await upload(new Uint8Array(jpeg))).json();
    const page = await (await GET(new Request(`${URL_}?trang=1`))).json();
    expect(page.items.map((item: { id: number }) => item.id)).toContain(created.id);
    session.actor = null;
    expect((await GET(new Request(URL_))).status).toBe(401);
  });

  it('serves an image no public article uses to a signed-in editor only, never cached publicly', async () => {
    const { id } = await (await upload(new Uint8Array(jpeg))).json();
    const request = () =>
      getMedia(new Request(`http://localhost:3000/media/${id}/web`), { params: Promise.resolve({ id: String(id), variant: 'web' }) });
    const signedIn = await request();
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    session.actor = null;
    expect((await request()).status).toBe(404);
  });
});
