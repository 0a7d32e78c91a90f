'use client';

import { useEffect, useState } from 'react';
import type { Outcome } from '@/lib/outcome';
import type { IssuePagePlan } from '@/schemas/issue';

// The print PDF's pages for the layout the server holds: asked again shortly after each saved
// change (a new version), answered by one layout in a PDF worker.

export type PagePlanAction = (issueId: number) => Promise<Outcome<IssuePagePlan>>;

export type PagePlanState = { kind: 'loading' } | { kind: 'ready'; plan: IssuePagePlan } | { kind: 'failed'; message: string };

const DEBOUNCE_MS = 800;

export function usePagePlan(issueId: number, version: number, action: PagePlanAction): PagePlanState {
  const [answer, setAnswer] = useState<{ version: number; state: PagePlanState } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(async () => {
      let state: PagePlanState;
      try {
        const outcome = await action(issueId);
        state = outcome.ok ? { kind: 'ready', plan: outcome.data } : { kind: 'failed', message: outcome.message };
      } catch {
        state = { kind: 'failed', message: 'Mất kết nối; chưa tính được số trang.' };
      }
      if (isCurrent) setAnswer({ version, state });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [issueId, version, action]);
  // An answer for an older layout is not shown as if it were this one's.
  return answer?.version === version ? answer.state : { kind: 'loading' };
}
