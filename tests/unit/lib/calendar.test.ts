import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDay, monthGrid, shiftMonth, startOfWeek, weekdayName, weekOf } from '@/lib/calendar';

describe('calendar arithmetic', () => {
  it('starts weeks on Monday and lays a month out in whole weeks', () => {
    expect(startOfWeek('2025-10-26')).toBe('2025-10-20');
    expect(weekOf('2025-10-01')).toEqual([
      '2025-09-29',
      '2025-09-30',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
    ]);
    const october = monthGrid('2025-10-17');
    expect(october).toHaveLength(5);
    expect(october[0]![0]).toBe('2025-09-29');
    expect(october.at(-1)!.at(-1)).toBe('2025-11-02');
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthGrid('2027-02-10')).toHaveLength(4);
  });

  it('crosses months and years, and refuses impossible days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftMonth('2025-12-15', 1)).toBe('2026-01-01');
    expect(shiftMonth('2025-01-31', -1)).toBe('2024-12-01');
    expect(daysBetween('2025-10-30', '2025-11-02')).toEqual(['2025-10-30', '2025-10-31', '2025-11-01', '2025-11-02']);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-1-01')).toBe(false);
    expect(weekdayName('2025-10-26')).toBe('Chủ nhật');
  });
});
