// Page and column sizes of the print PDF, in points. Pure: the main thread sizes images with
// it, the worker lays pages out with it.
import type { PageSize } from '@/generated/prisma/enums';

const CM = 72 / 2.54;

export type Columns = 1 | 2;

export type PageGeometry = {
  size: [number, number];
  margin: { top: number; bottom: number; side: number };
  contentWidth: number;
  contentHeight: number;
  columns: Columns;
  /** Between two columns. */
  gutter: number;
  columnWidth: number;
  /** The band above the columns of an article page: section banner or running head. */
  bandHeight: number;
  columnHeight: number;
};

export function pageGeometry(pageSize: PageSize, columns: Columns): PageGeometry {
  // A4, or 19 × 27 cm: the largest format Luật Báo chí 2016 (art. 34) allows a bản tin.
  const size: [number, number] = pageSize === 'B5_19X27' ? [19 * CM, 27 * CM] : [21 * CM, 29.7 * CM];
  const margin =
    pageSize === 'B5_19X27' ? { top: 1.6 * CM, bottom: 2 * CM, side: 1.7 * CM } : { top: 1.8 * CM, bottom: 2.2 * CM, side: 2 * CM };
  const contentWidth = size[0] - 2 * margin.side;
  const contentHeight = size[1] - margin.top - margin.bottom;
  const gutter = columns === 2 ? 0.7 * CM : 0;
  const bandHeight = 34;
  return {
    size,
    margin,
    contentWidth,
    contentHeight,
    columns,
    gutter,
    columnWidth: (contentWidth - gutter * (columns - 1)) / columns,
    bandHeight,
    columnHeight: contentHeight - bandHeight,
  };
}

/** Pixels for an image printed `points` wide at 300 dpi. */
export const printPixels = (points: number) => Math.ceil((points / 72) * 300);
