'use client';

import { useActionState } from 'react';
import { restoreRevisionAction } from '../../../actions';

/** Restoring saves the old text as a new version on top of the current one: nothing is lost. */
export function RestoreForm({ articleId, version, expectedVersion }: { articleId: number; version: number; expectedVersion: number }) {
  const [state, action, isPending] = useActionState(restoreRevisionAction, null);
  return (
    <form action={action} className="admin-form admin-form--inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <button type="submit" className="admin-button admin-button--primary" disabled={isPending} aria-busy={isPending}>
        Khôi phục phiên bản {version}
      </button>
      <p role="alert" className="form-outcome form-outcome--error">
        {state && !state.ok ? state.message : null}
      </p>
    </form>
  );
}
