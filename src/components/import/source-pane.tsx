'use client';

import { useEffect, useRef } from 'react';

/** The file's text as read, line by line, scrolled to the line an article starts at. */
export function SourcePane({ lines, focusLine }: { lines: string[]; focusLine: number | null }) {
  const pane = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusLine === null) return;
    const line = pane.current?.querySelector<HTMLElement>(`[data-line="${focusLine}"]`);
    if (line && pane.current) pane.current.scrollTop = line.offsetTop - pane.current.offsetTop - 8;
  }, [focusLine]);
  return (
    <section className="import-source" aria-labelledby="nhap-van-ban-goc">
      <h2 id="nhap-van-ban-goc">Văn bản gốc</h2>
      <ol ref={pane} className="import-source__lines" tabIndex={0} aria-label="Văn bản gốc theo dòng">
        {lines.map((line, index) => (
          <li key={index} data-line={index} className={index === focusLine ? 'is-focus' : undefined}>
            {line || '\u00a0'}
          </li>
        ))}
      </ol>
    </section>
  );
}
