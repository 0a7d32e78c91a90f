'use client';

import { useEffect, useRef, useState } from 'react';

type LibraryPage = {
  items: { id: number; width: number; height: number; caption: string | null; alt: string | null; originalName: string | null }[];
  page: number;
  pageCount: number;
};

/** A modal list of uploaded images, a page at a time; choosing one inserts it. */
export function MediaLibrary({ onClose, onPick }: { onClose: () => void; onPick: (mediaId: number) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<LibraryPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let stale = false;
    fetch(`/quan-tri/api/media?trang=${page}`, { cache: 'no-store' })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw new Error(body.error ?? 'Không tải được thư viện ảnh.');
        if (!stale) setData(body as LibraryPage);
      })
      .catch((failure: Error) => {
        if (!stale) setError(failure.message);
      });
    return () => {
      stale = true;
    };
  }, [page]);

  return (
    <dialog ref={dialog} className="media-library" aria-labelledby="thu-vien-anh-tieu-de" onClose={onClose}>
      <h2 id="thu-vien-anh-tieu-de">Thư viện ảnh</h2>
      {error && <p role="alert">{error}</p>}
      {!data && !error && <p role="status">Đang tải…</p>}
      {data && data.items.length === 0 && <p>Chưa có ảnh nào được tải lên.</p>}
      {data && data.items.length > 0 && (
        <ul className="media-library__grid">
          {data.items.map((item) => {
            const name = item.caption || item.alt || item.originalName || `Ảnh số ${item.id}`;
            return (
              <li key={item.id}>
                <button type="button" className="media-library__item" onClick={() => onPick(item.id)} aria-label={`Chèn ảnh: ${name}`}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own media route */}
                  <img src={`/media/${item.id}/web`} alt="" width={item.width} height={item.height} loading="lazy" />
                  <span>{name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="media-library__footer">
        {data && data.pageCount > 1 && (
          <>
            <button type="button" className="admin-button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Trang trước
            </button>
            <span>
              Trang {data.page}/{data.pageCount}
            </span>
            <button type="button" className="admin-button" disabled={page >= data.pageCount} onClick={() => setPage(page + 1)}>
              Trang sau
            </button>
          </>
        )}
        <button type="button" className="admin-button" onClick={() => dialog.current?.close()}>
          Đóng
        </button>
      </div>
    </dialog>
  );
}
