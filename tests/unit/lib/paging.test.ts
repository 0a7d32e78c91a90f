import { describe, expect, it } from 'vitest';
import { pageWindow } from '@/lib/paging';

describe('pageWindow', () => {
  it('pages rows by the given size', () => {
    expect(pageWindow(2007, 1, 50)).toEqual({ page: 1, pageCount: 41, skip: 0, take: 50 });
    expect(pageWindow(2007, 41, 50)).toEqual({ page: 41, pageCount: 41, skip: 2000, take: 50 });
  });

  it('gives the nearest end for a page outside the list, and page 1 of an empty list', () => {
    expect(pageWindow(2007, 9999, 50).page).toBe(41);
    expect(pageWindow(2007, 0, 50).page).toBe(1);
    expect(pageWindow(2007, -3, 50).page).toBe(1);
    expect(pageWindow(2007, Number.NaN, 50).page).toBe(1);
    expect(pageWindow(0, 3, 50)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 50 });
  });
});
