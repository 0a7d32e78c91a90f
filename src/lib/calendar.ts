// Calendar arithmetic on local dates written "2025-10-26" (Asia/Ho_Chi_Minh days, no time):
// weeks start on Monday, as Vietnamese calendars print them.

const DAY_MS = 86_400_000;

const toDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime()) && toIso(toDate(value)) === value;
}

export function addDays(isoDay: string, days: number): string {
  return toIso(new Date(toDate(isoDay).getTime() + days * DAY_MS));
}

/** Monday of the week the day is in. */
export function startOfWeek(isoDay: string): string {
  const weekday = (toDate(isoDay).getUTCDay() + 6) % 7;
  return addDays(isoDay, -weekday);
}

/** The seven days of the day's week, Monday first. */
export function weekOf(isoDay: string): string[] {
  const monday = startOfWeek(isoDay);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The weeks (Monday to Sunday) that show the day's month, 4 to 6 of them. */
export function monthGrid(isoDay: string): string[][] {
  const first = `${isoDay.slice(0, 7)}-01`;
  const last = addDays(shiftMonth(first, 1), -1);
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) weeks.push(weekOf(monday));
  return weeks;
}

/** The first day of the month `months` away from the day's month. */
export function shiftMonth(isoDay: string, months: number): string {
  const date = toDate(isoDay);
  return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** "26/10" */
export const dayMonth = (isoDay: string) => `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}`;

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai" … "Chủ nhật" */
export const weekdayName = (isoDay: string) => WEEKDAYS[toDate(isoDay).getUTCDay()]!;
