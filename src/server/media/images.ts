import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../errors';

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 50_000_000;
export const WEB_WIDTH = 1600;
/** 19 cm of column at 300 dpi. */
export const PRINT_WIDTH = 2244;

const ALLOWED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** An upload that is not an image we accept; the message says what to do. */
export class ImageRejectedError extends ValidationError {}

export type ProcessedImage = {
  baseKey: string;
  sha256: string;
  width: number;
  height: number;
  variants: { web: Buffer; print: Buffer };
};

/**
 * Checks an untrusted upload by its bytes (not its name), then re-encodes it: metadata
 * (EXIF, GPS) stripped, orientation applied, web and print JPEGs made. Throws
 * ImageRejectedError with a Vietnamese message for anything it refuses.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new ImageRejectedError('Tệp rỗng.');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new ImageRejectedError(`Ảnh quá lớn (tối đa ${MAX_UPLOAD_BYTES / 1024 / 1024} MB).`);
  }
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ALLOWED_TYPES.has(type.mime)) {
    throw new ImageRejectedError('Chỉ nhận ảnh JPEG, PNG hoặc WebP (kiểm tra theo nội dung tệp, không theo tên).');
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw new ImageRejectedError('Không đọc được ảnh: tệp hỏng hoặc quá nhiều điểm ảnh.');
  }
  if (!metadata.width || !metadata.height || metadata.width * metadata.height > MAX_INPUT_PIXELS) {
    throw new ImageRejectedError(`Ảnh quá nhiều điểm ảnh (tối đa ${MAX_INPUT_PIXELS / 1_000_000} megapixel).`);
  }
  const encode = (width: number, quality: number) =>
    sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  try {
    const [web, print] = await Promise.all([encode(WEB_WIDTH, 80), encode(PRINT_WIDTH, 88)]);
    const id = randomUUID().replaceAll('-', '');
    return {
      baseKey: `${id.slice(0, 2)}/${id}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      width: print.info.width,
      height: print.info.height,
      variants: { web: web.data, print: print.data },
    };
  } catch {
    throw new ImageRejectedError('Không xử lý được ảnh này. Hãy lưu lại ảnh dưới dạng JPEG rồi tải lên.');
  }
}

export const variantKey = (baseKey: string, variant: 'web' | 'print') => `${baseKey}/${variant}.jpg`;
