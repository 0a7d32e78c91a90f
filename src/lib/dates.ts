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

/**
 * The value of an <input type="datetime-local"> ("2025-11-10T08:00", seconds optional) read as
 * a wall-clock time in Asia/Ho_Chi_Minh, whatever the zone of the browser or the server.
 */
export function parseVietnamDateTimeLocal(value: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  const [hour, minute, second] = [match?.[2], match?.[3], match?.[4] ?? '0'].map(Number);
  if (!match || hour! > 23 || minute! > 59 || second! > 59) throw new RangeError(`Thời gian không hợp lệ: ${value}`);
  return new Date(vietnamTime(match[1]!, hour, minute).getTime() + second! * 1000);
}

/** An instant as the value of an <input type="datetime-local"> in Asia/Ho_Chi_Minh: "2025-11-10T08:00". */
export function toVietnamDateTimeLocal(date: Date): string {
  const { day, month, year, hour, minute } = partsOf(date);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}
