import type { Metadata } from 'next';
import Link from 'next/link';
import { DayItems, MonthGrid, type CalendarDay, type CalendarItem } from '@/components/calendar/month-grid';
import { requirePageActor } from '@/server/auth/session';
import { getCalendar, type CalendarEntry } from '@/server/calendar/queries';
import { ISSUE_STATUS_LABELS } from '@/server/issues/composer-queries';
import { ARTICLE_STATUS_LABELS } from '@/server/issues/preflight';
import { addDays, dayMonth, isIsoDay, monthGrid, shiftMonth, weekdayName, weekOf } from '@/lib/calendar';
import { vietnamDay } from '@/lib/dates';
import './lich.css';

export const metadata: Metadata = { title: 'Lịch' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** An entry in words, its status as SPEC names it. */
function itemOf(entry: CalendarEntry): CalendarItem {
  const status = (code: string) =>
    code === 'PROPOSED'
      ? ''
      : ` · ${ISSUE_STATUS_LABELS[code as keyof typeof ISSUE_STATUS_LABELS] ?? ARTICLE_STATUS_LABELS[code as keyof typeof ARTICLE_STATUS_LABELS]}`;
  switch (entry.kind) {
    case 'period':
      return { text: entry.label, href: null, tone: entry.status === 'PROPOSED' ? 'proposed' : 'period' };
    case 'issueStart':
      return { text: `${entry.label}${status(entry.status)}`, href: entry.href, tone: entry.status === 'PROPOSED' ? 'proposed' : 'start' };
    case 'release':
      return {
        text: `${entry.label} ${entry.time}${status(entry.status)}`,
        href: entry.href,
        tone: `release-${entry.status.toLowerCase()}`,
      };
    case 'due':
      return { text: `${entry.label}${status(entry.status)}`, href: entry.href, tone: 'due' };
  }
}

const MONTH_NAMES = (day: string) => `Tháng ${Number(day.slice(5, 7))}/${day.slice(0, 4)}`;

export default async function CalendarPage({ searchParams }: Props) {
  await requirePageActor('/quan-tri/lich');
  const params = await searchParams;
  const today = vietnamDay(new Date());
  const requested = first(params.ngay);
  const day = requested && isIsoDay(requested) ? requested : today;
  const isWeek = first(params.xem) === 'tuan';
  const weeks = isWeek ? [weekOf(day)] : monthGrid(day);
  const from = weeks[0]![0]!;
  const to = weeks.at(-1)!.at(-1)!;
  const entries = await getCalendar(from, to);
  const month = day.slice(0, 7);
  const grid: CalendarDay[][] = weeks.map((week) =>
    week.map((date) => ({
      day: date,
      inMonth: isWeek || date.startsWith(month),
      isToday: date === today,
      items: (entries[date] ?? []).map(itemOf),
    })),
  );
  const href = (view: 'thang' | 'tuan', date: string) => `/quan-tri/lich?xem=${view}&ngay=${date}`;
  const view = isWeek ? 'tuan' : 'thang';
  const [previous, next] = isWeek ? [addDays(day, -7), addDays(day, 7)] : [shiftMonth(day, -1), shiftMonth(day, 1)];
  const title = isWeek ? `Tuần ${dayMonth(from)} – ${dayMonth(to)}/${to.slice(0, 4)}` : MONTH_NAMES(day);
  const focusDay = grid.flat().find((cell) => cell.isToday)?.day ?? (isWeek ? from : `${month}-01`);

  return (
    <>
      <h1 className="admin-title">Lịch</h1>
      <p className="admin-lead">
        Các số bản tin (kỳ, giờ xuất bản, trạng thái), bài cần duyệt cho từng số và số tiếp theo dự kiến theo định kỳ của ấn phẩm.
      </p>
      <nav className="calendar-nav" aria-label="Điều hướng lịch">
        <ul className="calendar-nav__views">
          <li>
            <Link href={href('thang', day)} aria-current={isWeek ? undefined : 'page'}>
              Tháng
            </Link>
          </li>
          <li>
            <Link href={href('tuan', day)} aria-current={isWeek ? 'page' : undefined}>
              Tuần
            </Link>
          </li>
        </ul>
        <ul className="calendar-nav__moves">
          <li>
            <Link href={href(view, previous)}>{isWeek ? 'Tuần trước' : 'Tháng trước'}</Link>
          </li>
          <li>
            <Link href={href(view, today)}>Hôm nay</Link>
          </li>
          <li>
            <Link href={href(view, next)}>{isWeek ? 'Tuần sau' : 'Tháng sau'}</Link>
          </li>
        </ul>
      </nav>
      <h2 className="calendar__title">{title}</h2>
      {isWeek ? (
        <ol className="calendar calendar--week">
          {grid[0]!.map((cell) => (
            <li
              key={cell.day}
              className={`calendar__day${cell.isToday ? ' calendar__day--today' : ''}`}
              aria-current={cell.isToday ? 'date' : undefined}
            >
              <h3 className="calendar__date">
                {weekdayName(cell.day)} {dayMonth(cell.day)}/{cell.day.slice(0, 4)}
                {cell.isToday ? ' (hôm nay)' : ''}
              </h3>
              {cell.items.length ? <DayItems items={cell.items} /> : <p className="calendar__nothing">Không có việc.</p>}
            </li>
          ))}
        </ol>
      ) : (
        <MonthGrid key={day} weeks={grid} focusDay={focusDay} caption={title} />
      )}
    </>
  );
}
