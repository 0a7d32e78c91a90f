import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatPeriod,
  parseCalendarDate,
  parseVietnamDateTimeLocal,
  toVietnamDateTimeLocal,
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

describe('datetime-local values in Asia/Ho_Chi_Minh', () => {
  it('reads the wall-clock time in Vietnam, not in the zone of the process', () => {
    expect(parseVietnamDateTimeLocal('2025-11-10T08:00').toISOString()).toBe('2025-11-10T01:00:00.000Z');
    expect(parseVietnamDateTimeLocal('2026-01-01T00:30:15').toISOString()).toBe('2025-12-31T17:30:15.000Z');
  });

  it('gives the same instant whatever TZ says', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(parseVietnamDateTimeLocal('2025-03-09T02:30').toISOString()).toBe('2025-03-08T19:30:00.000Z');
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it('refuses what is not a time', () => {
    for (const value of [
      '',
      '2025-11-10',
      '2025-11-10 08:00',
      '2025-11-10T24:00',
      '2025-11-10T08:60',
      '2025-02-30T08:00',
      '10/11/2025 08:00',
    ]) {
      expect(() => parseVietnamDateTimeLocal(value), value).toThrow(RangeError);
    }
  });

  it('writes an instant back as the input value, round trip', () => {
    const instant = new Date('2025-12-31T17:30:00Z');
    expect(toVietnamDateTimeLocal(instant)).toBe('2026-01-01T00:30');
    expect(parseVietnamDateTimeLocal(toVietnamDateTimeLocal(instant))).toEqual(instant);
  });
});
