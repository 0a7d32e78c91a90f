// Offset paging shared by the lists: a requested page outside the list gives its nearest end.

/** Rows per page of the editorial lists (issues, articles). */
export const EDITORIAL_PAGE_SIZE = 50;

export type PageWindow = { page: number; pageCount: number; skip: number; take: number };

/** The page to show of `total` rows, `size` a page; an empty list still has its page 1. */
export function pageWindow(total: number, requestedPage: number, size: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * size, take: size };
}
