import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatPeriod,
  formatCalendarDate,
  parseCalendarDate,
  parseVietnameseDate,
  parseVietnameseDateTime,
  vietnamTime,
} from '@/lib/dates';

describe('formatPeriod', () => {
  it('prints a period inside one month as the bulletin does', () => {
    expect(formatPeriod(parseCalendarDate('2025-10-13'), parseCalendarDate('2025-10-26'))).toBe('13–26/10/2025');
  });

  it('prints both months when the period crosses one', () => {
    expect(formatPeriod(parseCalendarDate('2025-10-28'), parseCalendarDate('2025-11-03'))).toBe('28/10–03/11/2025');
  });

  it('prints both years when the period crosses the new year', () => {
    expect(formatPeriod(parseCalendarDate('2025-12-29'), parseCalendarDate('2026-01-04'))).toBe('29/12/2025–04/01/2026');
  });
});

describe('Asia/Ho_Chi_Minh dates', () => {
  it('shows 31 Dec 23:30 in Vietnam as 31/12, though it is 16:30 UTC', () => {
    const instant = vietnamTime('2025-12-31', 23, 30);
    expect(instant.toISOString()).toBe('2025-12-31T16:30:00.000Z');
    expect(formatDateTime(instant)).toBe('31/12/2025 23:30');
  });

  it('shows 1 Jan 00:30 in Vietnam as the new year, though UTC is still in December', () => {
    const instant = new Date('2025-12-31T17:30:00Z');
    expect(formatDate(instant)).toBe('01/01/2026');
  });
});

describe('parseCalendarDate', () => {
  it('refuses impossible dates', () => {
    expect(() => parseCalendarDate('2025-02-30')).toThrow(RangeError);
    expect(() => parseCalendarDate('30/02/2025')).toThrow(RangeError);
  });
});

describe('dates and times typed as dd/mm/yyyy hh:mm in Asia/Ho_Chi_Minh', () => {
  it('reads a typed date, with the separators people use', () => {
    expect(parseVietnameseDate('13/10/2025')).toBe('2025-10-13');
    expect(parseVietnameseDate('3/1/2026')).toBe('2026-01-03');
    expect(parseVietnameseDate(' 13-10-2025 ')).toBe('2025-10-13');
    expect(parseVietnameseDate('13.10.2025')).toBe('2025-10-13');
  });

  it('refuses what is not a real date, including month-first American order', () => {
    for (const value of ['', '2025-10-13', '30/02/2025', '10/13/2025', '13/10/25', 'hôm nay'])
      expect(parseVietnameseDate(value), value).toBeNull();
  });

  it('writes a DATE column back as typed', () => {
    expect(formatCalendarDate(parseCalendarDate('2025-10-13'))).toBe('13/10/2025');
  });

  it('reads the wall-clock time in Vietnam, not in the zone of the process', () => {
    expect(parseVietnameseDateTime('10/11/2025 08:00')?.toISOString()).toBe('2025-11-10T01:00:00.000Z');
    expect(parseVietnameseDateTime('01/01/2026 00:30')?.toISOString()).toBe('2025-12-31T17:30:00.000Z');
    expect(parseVietnameseDateTime('10/11/2025 8h30')?.toISOString()).toBe('2025-11-10T01:30:00.000Z');
  });

  it('gives the same instant whatever TZ says', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(parseVietnameseDateTime('09/03/2025 02:30')?.toISOString()).toBe('2025-03-08T19:30:00.000Z');
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it('refuses what is not a time (12-hour clock included)', () => {
    for (const value of [
      '',
      '10/11/2025',
      '2025-11-10T08:00',
      '10/11/2025 24:00',
      '10/11/2025 08:60',
      '30/02/2025 08:00',
      '10/11/2025 8:00 PM',
    ]) {
      expect(parseVietnameseDateTime(value), value).toBeNull();
    }
  });

  it('writes an instant back as typed, round trip', () => {
    const instant = new Date('2025-12-31T17:30:00Z');
    expect(formatDateTime(instant)).toBe('01/01/2026 00:30');
    expect(parseVietnameseDateTime(formatDateTime(instant))).toEqual(instant);
  });
});
