import 'server-only';
import type { Database, Transaction } from '../db/client';
import { getEnv } from '../env';
import { FileSystemStorage, type MediaStorage } from './storage';
import { processImage, variantKey } from './images';
import { cleanFileName } from './upload';

let storage: MediaStorage | undefined;

export function getMediaStorage(): MediaStorage {
  storage ??= new FileSystemStorage(getEnv().mediaRoot);
  return storage;
}

export type ImageDetails = {
  originalName?: string | null;
  caption?: string | null;
  credit?: string | null;
  alt?: string | null;
  uploadedById?: number | null;
};

/** Re-encodes, stores both variants, then records the media row (file name cleaned). Returns its id. */
export async function storeImage(
  db: Database | Transaction,
  mediaStorage: MediaStorage,
  bytes: Buffer,
  details: ImageDetails,
): Promise<{ id: number; width: number; height: number }> {
  const image = await processImage(bytes);
  await mediaStorage.put(variantKey(image.baseKey, 'web'), image.variants.web);
  await mediaStorage.put(variantKey(image.baseKey, 'print'), image.variants.print);
  const media = await db.media.create({
    data: {
      storageKey: image.baseKey,
      mimeType: 'image/jpeg',
      width: image.width,
      height: image.height,
      byteSize: image.variants.print.length,
      sha256: image.sha256,
      originalName: cleanFileName(details.originalName),
      caption: details.caption ?? null,
      credit: details.credit ?? null,
      alt: details.alt ?? null,
      uploadedById: details.uploadedById ?? null,
    },
    select: { id: true, width: true, height: true },
  });
  return media;
}
