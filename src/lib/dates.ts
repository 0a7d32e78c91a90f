// Dates as the office writes them: dd/mm/yyyy, 24 h, Asia/Ho_Chi_Minh whatever the server zone.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(dateParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: parts.day!, month: parts.month!, year: parts.year!, hour: parts.hour!, minute: parts.minute! };
}

/** "26/10/2025" */
export function formatDate(date: Date): string {
  const { day, month, year } = partsOf(date);
  return `${day}/${month}/${year}`;
}

/** "26/10/2025 08:00" */
export function formatDateTime(date: Date): string {
  const { day, month, year, hour, minute } = partsOf(date);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/** "08:00" (24 h, Asia/Ho_Chi_Minh) */
export function formatTime(date: Date): string {
  const { hour, minute } = partsOf(date);
  return `${hour}:${minute}`;
}

/** The calendar day an instant falls on in Asia/Ho_Chi_Minh, as "2025-10-26". */
export function vietnamDay(date: Date): string {
  const { day, month, year } = partsOf(date);
  return `${year}-${month}-${day}`;
}

/**
 * A calendar date stored as a DATE column arrives as midnight UTC; read its parts in UTC.
 * "13–26/10/2025", "28/10–03/11/2025", "29/12/2025–04/01/2026".
 */
export function formatPeriod(start: Date, end: Date): string {
  const d = (x: Date) => String(x.getUTCDate()).padStart(2, '0');
  const m = (x: Date) => String(x.getUTCMonth() + 1).padStart(2, '0');
  const y = (x: Date) => x.getUTCFullYear();
  if (y(start) !== y(end)) return `${d(start)}/${m(start)}/${y(start)}–${d(end)}/${m(end)}/${y(end)}`;
  if (m(start) !== m(end)) return `${d(start)}/${m(start)}–${d(end)}/${m(end)}/${y(end)}`;
  if (d(start) === d(end)) return `${d(end)}/${m(end)}/${y(end)}`;
  return `${d(start)}–${d(end)}/${m(end)}/${y(end)}`;
}

/** "2025-10-13" → a Date at UTC midnight, the form Prisma uses for DATE columns. */
export function parseCalendarDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== isoDate) throw new RangeError(`Ngày không hợp lệ: ${isoDate}`);
  return date;
}

/** A wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as an instant. */
export function vietnamTime(isoDate: string, hour = 0, minute = 0): Date {
  const day = parseCalendarDate(isoDate);
  return new Date(day.getTime() + ((hour - 7) * 60 + minute) * 60_000);
}

/** "13/10/2025" (also 13-10-2025, 13.10.2025, 3/1/2025) → "2025-10-13"; null when it is not a real date. */
export function parseVietnameseDate(value: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  try {
    parseCalendarDate(iso);
    return iso;
  } catch {
    return null;
  }
}

/** A DATE column's value as the office types it: "13/10/2025". */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10).split('-').reverse().join('/');
}

/** "10/11/2025 08:00" (24 h) read as a wall-clock time in Asia/Ho_Chi_Minh; null when invalid. */
export function parseVietnameseDateTime(value: string): Date | null {
  const match = /^\s*(\S+)\s+(\d{1,2})[:h](\d{2})\s*$/.exec(value);
  const isoDate = match ? parseVietnameseDate(match[1]!) : null;
  const [hour, minute] = [Number(match?.[2]), Number(match?.[3])];
  if (!isoDate || hour > 23 || minute > 59) return null;
  return vietnamTime(isoDate, hour, minute);
}

/** An instant as Vietnam's wall-clock time in ISO order, "2026-11-30T02:30": for keys and names that sort. */
export function toVietnamIsoLocal(date: Date): string {
  const { day, month, year, hour, minute } = partsOf(date);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}
