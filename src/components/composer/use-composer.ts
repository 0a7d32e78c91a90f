'use client';

import type { DragEndEvent } from '@dnd-kit/core';
import { useLayoutEffect, useRef, useState, useTransition } from 'react';
import type { FormState } from '@/components/admin/form-state';
import { isConflict } from '@/lib/outcome';
import type { ComposeOp } from '@/schemas/issue';
import { useHydrated } from '@/components/admin/use-hydrated';
import { articleKey, dropTarget, withArticleAt, withoutArticle, withSectionAt, type ComposerSection } from './composer-layout';

// The composer's state: the layout on screen, the server's answer to the last change, and
// the changes themselves. Each change shows at once, is saved with the version the page was
// loaded with, and the page then reloads the saved layout; a refusal because someone else
// changed the issue keeps what is on screen and offers "Tải lại".

export type ComposeAction = (formData: FormData) => Promise<FormState>;

export type ComposerIssue = { id: number; version: number; sections: ComposerSection[] };

export function useComposer({ issue, isEditable, compose }: { issue: ComposerIssue; isEditable: boolean; compose: ComposeAction }) {
  const [loaded, setLoaded] = useState(issue);
  const [sections, setSections] = useState(issue.sections);
  const [outcome, setOutcome] = useState<FormState>(null);
  const [isPending, startTransition] = useTransition();
  const isHydrated = useHydrated();
  const focusAfterChange = useRef<string | null>(null);

  // A new layout from the server (after a save or "Tải lại") replaces what is on screen.
  if (issue !== loaded) {
    setLoaded(issue);
    setSections(issue.sections);
    if (isConflict(outcome)) setOutcome(null);
  }

  // A moved item is re-inserted in the DOM, which drops the focus: give it back.
  useLayoutEffect(() => {
    const id = focusAfterChange.current;
    if (!id) return;
    focusAfterChange.current = null;
    const element = document.getElementById(id);
    if (element && document.activeElement !== element) element.focus();
  }, [sections]);

  const isBusy = !isHydrated || isPending || !isEditable;

  /** Sends one change; resolves true when the server kept it. */
  function send(op: ComposeOp, fields: Record<string, string | number>, layout?: ComposerSection[], focusId?: string): Promise<boolean> {
    if (isBusy) return Promise.resolve(false);
    // The last answer goes, so the next one is announced even when it says the same.
    setOutcome(null);
    if (layout) {
      focusAfterChange.current = focusId ?? null;
      setSections(layout);
    }
    const formData = new FormData();
    formData.set('op', op);
    formData.set('issueId', String(issue.id));
    formData.set('expectedVersion', String(issue.version));
    for (const [name, value] of Object.entries(fields)) formData.set(name, String(value));
    return new Promise((resolve) =>
      startTransition(async () => {
        const result = await compose(formData);
        setOutcome(result);
        // Refused for a reason other than a newer version: back to the saved layout.
        if (!result?.ok && !isConflict(result)) setSections(issue.sections);
        resolve(Boolean(result?.ok));
      }),
    );
  }

  const moveArticle = (articleId: number, sectionId: number, position: number, focusId?: string) =>
    send('moveArticle', { articleId, sectionId, position }, withArticleAt(sections, articleId, sectionId, position), focusId);

  return {
    sections,
    outcome,
    isBusy,
    moveArticle,
    /** "Chuyển sang chuyên mục…": to the end of that section. */
    moveArticleTo: (articleId: number, sectionId: number) => {
      const target = sections.find((section) => section.id === sectionId);
      return moveArticle(articleId, sectionId, target?.articles.length ?? 0, `len-${articleKey(articleId)}`);
    },
    moveSection: (sectionId: number, position: number, focusId: string) =>
      send('moveSection', { sectionId, position }, withSectionAt(sections, sectionId, position), focusId),
    renameSection: (sectionId: number, title: string) => send('renameSection', { sectionId, title }),
    removeSection: (sectionId: number) =>
      send(
        'removeSection',
        { sectionId },
        sections.filter((section) => section.id !== sectionId),
      ),
    addSection: (title: string) => send('addSection', { title }),
    addArticle: (articleId: string, sectionId: string) => send('addArticle', { articleId, sectionId }),
    removeArticle: (articleId: number) => send('removeArticle', { articleId }, withoutArticle(sections, articleId)),
    handleDragEnd: ({ active, over }: DragEndEvent) => {
      const target = over ? dropTarget(sections, active.id, over.id) : null;
      if (target) void moveArticle(target.articleId, target.sectionId, target.position);
    },
  };
}

export type ComposerState = ReturnType<typeof useComposer>;
