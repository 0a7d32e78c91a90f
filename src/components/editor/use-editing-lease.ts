'use client';

import { useEffect, useRef, useState } from 'react';
import { EDIT_IDLE_MS, HEARTBEAT_INTERVAL_MS, type Presence, type PresenceRequest } from '@/schemas/presence';

// The open editor's side of "Đang được sửa bởi …": the tab's first change takes the article
// when nobody edits it; heartbeats renew it while changes keep coming (or only look, for a tab
// that does not hold it); the tab gives it up after EDIT_IDLE_MS without a change and when it
// closes; "Tiếp quản" moves it here. The hook reports the moments the form must react to:
// someone else took the article (stop saving), or nobody else has it (reload the newest text).

const FREE: Presence = { mine: false, holder: null, takenOver: null };

/** This page's own id: random, never stored, so a copied tab is another editor. */
function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `the-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Someone else holds the lease; the same person in another tab does not block this one. */
export const isBlocked = (presence: Presence) => presence.holder !== null && !presence.holder.isSelf;

type Options = {
  articleId: number | null;
  initial: Presence | null;
  canEdit: boolean;
  /** Someone else has the article now. */
  onLost: () => void;
  /** Nobody else has it any more (they left, or this tab took it over). */
  onFreed: () => Promise<void> | void;
};

export function useEditingLease({ articleId, initial, canEdit, onLost, onFreed }: Options) {
  const [presence, setPresence] = useState<Presence>(initial ?? FREE);
  const [problem, setProblem] = useState<string | null>(null);
  const [isSignedOut, setSignedOut] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = useRef(presence);
  const tab = useRef('');
  const handlers = useRef({ onLost, onFreed });
  const claiming = useRef(false);
  const lastChange = useRef(0);

  useEffect(() => {
    handlers.current = { onLost, onFreed };
  });

  const url = articleId ? `/quan-tri/api/bai-viet/${articleId}/dang-sua` : null;

  const apply = (next: Presence) => {
    const before = current.current;
    current.current = next;
    setPresence(next);
    if (!isBlocked(before) && isBlocked(next)) handlers.current.onLost();
    if (isBlocked(before) && !isBlocked(next)) void handlers.current.onFreed();
  };

  /** One request; null when it did not give a presence (the reason is kept in `problem`). */
  const send = async (request: Omit<PresenceRequest, 'tab'> & Record<string, unknown>): Promise<Presence | null> => {
    if (!url || !tab.current) return null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...request, tab: tab.current }),
      });
      const body = (await response.json().catch(() => ({}))) as Presence & { error?: string };
      if (response.status === 401) {
        setSignedOut(true);
        return null;
      }
      if (!response.ok) {
        setProblem(body.error ?? 'Không cập nhật được trạng thái sửa bài.');
        return null;
      }
      setProblem(null);
      return body;
    } catch {
      // Offline: the next heartbeat tries again; the lease lapses on its own if it never comes.
      return null;
    }
  };

  const beat = async (intent: 'edit' | 'view' | 'release') => {
    const next = await send({ intent });
    if (next) apply(next);
  };

  /** Renews the lease while changes keep coming, gives it up once they stop; otherwise looks. */
  const heartbeat = () => {
    if (!current.current.mine) return void beat('view');
    void beat(Date.now() - lastChange.current < EDIT_IDLE_MS ? 'edit' : 'release');
  };

  // The heartbeat: started when the article has an id, stopped (and the lease given up) when
  // the page goes away.
  useEffect(() => {
    if (!url || isSignedOut) return;
    tab.current ||= newTabId();
    const opening = setTimeout(heartbeat, 0);
    const timer = setInterval(heartbeat, HEARTBEAT_INTERVAL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') heartbeat();
    };
    const release = JSON.stringify({ intent: 'release', tab: tab.current });
    const onPageHide = () => navigator.sendBeacon(url, release);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearTimeout(opening);
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pagehide', onPageHide);
      if (current.current.mine) {
        void fetch(url, { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: release }).catch(
          () => undefined,
        );
      }
    };
    // beat reads refs only; the loop restarts when the article or the right to edit changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, canEdit, isSignedOut]);

  return {
    presence,
    problem,
    isSignedOut,
    busy,
    /** Typing is allowed: this person may edit and nobody else holds the article. */
    canType: canEdit && !isBlocked(presence) && !isSignedOut,
    /** Called on every change in the form: takes the lease if it is free and not ours yet. */
    touch() {
      lastChange.current = Date.now();
      if (!canEdit || current.current.mine || isBlocked(current.current) || claiming.current) return;
      claiming.current = true;
      void beat('edit').finally(() => {
        claiming.current = false;
      });
    },
    /** Asks again now (after a save was refused because someone else edits). */
    refresh: heartbeat,
    async takeOver() {
      setBusy(true);
      try {
        lastChange.current = Date.now();
        const next = await send({ intent: 'takeover', holderTab: current.current.holder?.tab ?? null });
        if (next) apply(next);
        else void beat('view');
        return next !== null;
      } finally {
        setBusy(false);
      }
    },
  };
}

export type EditingLease = ReturnType<typeof useEditingLease>;
