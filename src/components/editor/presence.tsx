'use client';

import { useId, useState } from 'react';
import { formatDateTime, formatTime } from '@/lib/dates';
import type { Presence } from '@/schemas/presence';
import type { LocalCopy } from './local-copy';

// "Đang được sửa bởi Nguyễn Văn A (từ 09:12)": who holds the article, and "Tiếp quản" after a
// confirmation that says what it does to the first editor. The first editor, once taken over,
// reads why the form stopped saving and that their unsaved text is kept.

type Props = {
  presence: Presence;
  canEdit: boolean;
  busy: boolean;
  problem: string | null;
  isSignedOut: boolean;
  /** This tab's unsaved text, kept in the browser while someone else edits. */
  keptCopy: LocalCopy | null;
  onTakeOver: () => Promise<boolean>;
};

export function PresenceNotice({ presence, canEdit, busy, problem, isSignedOut, keptCopy, onTakeOver }: Props) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  if (isSignedOut) {
    return (
      <p className="editor-presence editor-presence--problem" role="alert">
        Phiên đăng nhập đã hết hạn: bài đang ở chế độ chỉ đọc. Hãy đăng nhập lại; nội dung chưa lưu vẫn được giữ trên máy này.
      </p>
    );
  }
  const holder = presence.holder;
  if (!holder)
    return problem ? (
      <p className="editor-presence editor-presence--problem" role="alert">
        {problem}
      </p>
    ) : null;
  const since = formatTime(new Date(holder.since));
  const who = holder.isSelf ? 'bạn ở một thẻ hoặc cửa sổ khác' : holder.name;
  return (
    <section className={`editor-presence${holder.isSelf ? '' : ' editor-presence--blocked'}`} aria-labelledby={`${id}-ai`}>
      <p id={`${id}-ai`} className="editor-presence__who" role="status">
        Đang được sửa bởi {who} (từ {since})
      </p>
      {presence.takenOver ? (
        <p>
          {presence.takenOver.by} đã tiếp quản bài viết lúc {formatTime(new Date(presence.takenOver.at))}. Bài chuyển sang chế độ chỉ đọc
          trên máy của bạn.
        </p>
      ) : null}
      {keptCopy ? (
        <p>
          Nội dung bạn chưa lưu (lúc {formatDateTime(new Date(keptCopy.savedAt))}) vẫn được giữ trên máy này: khi bạn sửa lại bài này, bạn
          sẽ được đề nghị khôi phục nó.
        </p>
      ) : null}
      {holder.isSelf ? null : <p>Bạn có thể đọc bài. Để sửa, hãy chờ {holder.name} đóng bài hoặc tiếp quản.</p>}
      {problem ? <p role="alert">{problem}</p> : null}
      {canEdit && !holder.isSelf && !confirming ? (
        <button type="button" className="admin-button" onClick={() => setConfirming(true)}>
          Tiếp quản
        </button>
      ) : null}
      {confirming && !holder.isSelf ? (
        <div className="editor-presence__confirm" role="alertdialog" aria-labelledby={`${id}-hoi`} aria-describedby={`${id}-giai-thich`}>
          <h3 id={`${id}-hoi`}>Tiếp quản bài viết này?</h3>
          <p id={`${id}-giai-thich`}>
            {holder.name} sẽ được báo ngay rằng bạn đã tiếp quản; bài của họ chuyển sang chỉ đọc và nội dung họ chưa lưu vẫn được giữ trên
            máy của họ để khôi phục sau. Bạn sẽ sửa trên bản mới nhất đã lưu.
          </p>
          <div className="editor-actions">
            <button
              type="button"
              className="admin-button admin-button--primary"
              disabled={busy}
              aria-busy={busy}
              autoFocus
              onClick={() => void onTakeOver().then(() => setConfirming(false))}
            >
              Xác nhận tiếp quản
            </button>
            <button type="button" className="admin-button admin-button--quiet" onClick={() => setConfirming(false)}>
              Huỷ
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
