import { z } from 'zod';
import { parseCalendarDate, parseVietnameseDate } from '@/lib/dates';

/** "13/10/2025" as typed in a form, or "2025-10-13" from a script; null when it is neither. */
function calendarDateOf(value: string): Date | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : parseVietnameseDate(value);
  try {
    return iso ? parseCalendarDate(iso) : null;
  } catch {
    return null;
  }
}

const invalid = (label: string) => `${label} không hợp lệ (cần dạng dd/mm/yyyy).`;

/** A calendar date as the UTC-midnight Date of a DATE column. */
export const calendarDateSchema = (label: string) =>
  z.string({ error: `Cần nhập ${label.toLowerCase()}.` }).transform((value, context) => {
    const date = calendarDateOf(value.trim());
    if (date) return date;
    context.addIssue({ code: 'custom', message: invalid(label) });
    return z.NEVER;
  });

/** The same, where blank means "not set" (null). */
export const optionalCalendarDateSchema = (label: string) =>
  z.string({ error: invalid(label) }).transform((value, context) => {
    if (!value.trim()) return null;
    const date = calendarDateOf(value.trim());
    if (date) return date;
    context.addIssue({ code: 'custom', message: invalid(label) });
    return z.NEVER;
  });
