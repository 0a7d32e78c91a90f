'use client';

import Link from 'next/link';
import { useRef, useState, type KeyboardEvent } from 'react';
import { addDays, dayMonth, startOfWeek, weekdayName } from '@/lib/calendar';

// The month as a table of weeks. Keyboard: Tab reaches one day (today, or the first of the
// month); the arrow keys move by a day or a week, Home/End to the week's ends, Enter to the
// day's first link; Tab then walks its links.

export type CalendarItem = { text: string; href: string | null; tone: string };
export type CalendarDay = { day: string; inMonth: boolean; isToday: boolean; items: CalendarItem[] };

const WEEKDAY_HEADERS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

export function DayItems({ items }: { items: CalendarItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="calendar__items">
      {items.map((item, index) => (
        <li key={index} className={`calendar__item calendar__item--${item.tone}`}>
          {item.href ? <Link href={item.href}>{item.text}</Link> : <span>{item.text}</span>}
        </li>
      ))}
    </ul>
  );
}

export function MonthGrid({ weeks, focusDay, caption }: { weeks: CalendarDay[][]; focusDay: string; caption: string }) {
  const [active, setActive] = useState(focusDay);
  const cells = useRef(new Map<string, HTMLTableCellElement>());

  const go = (day: string) => {
    const cell = cells.current.get(day);
    if (!cell) return;
    setActive(day);
    cell.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, day: string) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => startOfWeek(day),
      End: () => addDays(startOfWeek(day), 6),
    };
    if (moves[event.key]) {
      event.preventDefault();
      go(moves[event.key]!());
    } else if (event.key === 'Enter') {
      const link = event.currentTarget.querySelector('a');
      if (link) {
        event.preventDefault();
        link.focus();
      }
    }
  };

  return (
    <table className="calendar calendar--month">
      <caption className="visually-hidden">{caption}. Dùng phím mũi tên để chuyển ngày, Enter để vào các mục của ngày.</caption>
      <thead>
        <tr>
          {WEEKDAY_HEADERS.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.day}>
            {week.map(({ day, inMonth, isToday, items }) => (
              <td
                key={day}
                ref={(cell) => {
                  if (cell) cells.current.set(day, cell);
                  else cells.current.delete(day);
                }}
                tabIndex={day === active ? 0 : -1}
                className={`calendar__day${inMonth ? '' : ' calendar__day--other'}${isToday ? ' calendar__day--today' : ''}${
                  items.some((item) => item.href) ? '' : ' calendar__day--quiet'
                }`}
                aria-current={isToday ? 'date' : undefined}
                onFocus={() => setActive(day)}
                onKeyDown={(event) => onKeyDown(event, day)}
              >
                <p className="calendar__date">
                  <span aria-hidden="true">{dayMonth(day)}</span>
                  <span className="visually-hidden">
                    {weekdayName(day)} {dayMonth(day)}/{day.slice(0, 4)}
                    {isToday ? ', hôm nay' : ''}
                    {items.length ? '' : ', không có việc'}
                  </span>
                </p>
                <DayItems items={items} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
