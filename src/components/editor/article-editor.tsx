'use client';

import type { ArticleEditorActions, EditorAbilities } from '@/schemas/article';
import type { Colleague, CommentActions, CommentView } from '@/schemas/comment';
import { ArticleFields } from './article-fields';
import { CommentsPanel } from './comments-panel';
import { ConflictPanel } from './conflict-panel';
import { LocalCopyOffer, ReturnedNotice } from './editor-notices';
import { EditorStatus } from './editor-status';
import { PresenceNotice } from './presence';
import { useArticleEditor, type EditorStart } from './use-article-editor';
import { WorkflowBar } from './workflow-bar';

// The article form. It never loses text: every change is kept in this browser at once and
// saved to the server about two seconds after typing stops, on top of the version it started
// from. A colleague's save meanwhile is merged field by field; only fields both changed wait
// for a choice, shown side by side.

export type ArticleEditorProps = {
  initial: EditorStart;
  actions: ArticleEditorActions;
  /** Buttons per state for this person (see abilityKey). */
  abilitiesByState: Record<string, EditorAbilities>;
  statusLabels: Record<string, string>;
  knownTags: string[];
  returnComment: string | null;
  /** Published once: the address no longer follows the title. */
  slugFixed: boolean;
  /** The article's thread; absent for a new article. */
  comments?: { initial: CommentView[]; colleagues: Colleague[]; actions: CommentActions; anchor: string };
};

export function ArticleEditor({
  initial,
  actions,
  abilitiesByState,
  statusLabels,
  knownTags,
  returnComment,
  slugFixed,
  comments,
}: ArticleEditorProps) {
  const state = useArticleEditor({ initial, actions, abilitiesByState });
  const { article, draft, notice, lease } = state;
  const selectedText = () => {
    const selection = state.editor?.state.selection;
    return selection ? state.editor!.state.doc.textBetween(selection.from, selection.to, '\n') : '';
  };
  return (
    <div className="article-editor">
      <PresenceNotice
        presence={lease.presence}
        canEdit={state.abilities.edit}
        busy={lease.busy}
        problem={lease.problem}
        isSignedOut={lease.isSignedOut}
        keptCopy={state.keptCopy}
        onTakeOver={lease.takeOver}
      />
      <EditorStatus article={article} status={state.status} statusLabels={statusLabels} />
      {returnComment && article?.status === 'DRAFT' ? <ReturnedNotice comment={returnComment} /> : null}
      {state.offer ? (
        <LocalCopyOffer copy={state.offer} onRestore={() => state.restoreLocalCopy(state.offer!)} onDismiss={state.dismissLocalCopy} />
      ) : null}
      {state.conflict ? (
        <ConflictPanel
          conflict={state.conflict}
          mine={draft}
          onResolve={state.resolveConflict}
          onTakeLatest={() => void state.takeLatest()}
        />
      ) : null}
      <ArticleFields
        draft={draft}
        article={article}
        editor={state.editor}
        editable={state.editable}
        fieldErrors={state.fieldErrors}
        knownTags={knownTags}
        slugFixed={slugFixed}
        onChange={state.update}
      />
      <WorkflowBar
        article={article}
        abilities={{ ...state.abilities, edit: state.editable }}
        busy={state.busy}
        draft={draft}
        live={state.live}
        onSave={state.saveNow}
        onStep={state.runStep}
      />
      <p role="status" className="form-outcome form-outcome--ok">
        {notice?.ok ? notice.text : null}
      </p>
      <div role="alert" className="form-outcome form-outcome--error">
        {notice && !notice.ok ? notice.text : null}
      </div>
      {comments && article ? <CommentsPanel articleId={article.id} selectedText={selectedText} {...comments} /> : null}
    </div>
  );
}
