'use client';

import type { Editor } from '@tiptap/react';
import { useId } from 'react';
import { useHydrated } from '@/components/admin/use-hydrated';
import { Field } from '@/components/admin/field';
import { formatSourceLine } from '@/lib/text';
import { LEAD_MAX, SOURCE_TEXT_MAX, SOURCE_URL_MAX, TITLE_MAX, type ArticleDraft, type SavedArticle } from '@/schemas/article';
import { BodyEditor } from './body-editor';
import { TagInput } from './tag-input';

// The article's fields: title, lead, body, tags, source. Limits are the server's own.

const SOURCE_FIELDS = [
  { name: 'sourceAuthors', label: 'Tác giả nguồn', type: 'text', maxLength: SOURCE_TEXT_MAX },
  { name: 'sourceOutlet', label: 'Tên nguồn', type: 'text', maxLength: SOURCE_TEXT_MAX },
  { name: 'sourceUrl', label: 'Đường dẫn nguồn', type: 'url', maxLength: SOURCE_URL_MAX },
] as const;

const describedBy = (id: string, error?: string) => (error ? `${id}-loi` : undefined);

export function ArticleFields({
  draft,
  article,
  editor,
  editable,
  fieldErrors,
  knownTags,
  slugFixed,
  onChange,
}: {
  draft: ArticleDraft;
  article: SavedArticle | null;
  editor: Editor | null;
  editable: boolean;
  fieldErrors: Record<string, string>;
  knownTags: string[];
  slugFixed: boolean;
  onChange: (patch: Partial<ArticleDraft>) => void;
}) {
  const formId = useId();
  // Typed before the page's script runs, text would be replaced by the form's state: the
  // fields open once it runs (the body editor likewise shows "Đang tải trình soạn thảo…").
  const isReady = useHydrated();
  const locked = !editable || !isReady;
  const ids = {
    title: `${formId}-tieu-de`,
    lead: `${formId}-sapo`,
    sourceAuthors: `${formId}-tac-gia`,
    sourceOutlet: `${formId}-ten-nguon`,
    sourceUrl: `${formId}-duong-dan`,
  };
  const sourceLine = formatSourceLine({
    authors: draft.sourceAuthors || null,
    outlet: draft.sourceOutlet || null,
    url: draft.sourceUrl || null,
  });
  return (
    <div className="article-editor__fields">
      <Field id={ids.title} label="Tiêu đề" error={fieldErrors.title}>
        <input
          id={ids.title}
          className="article-editor__title"
          value={draft.title}
          maxLength={TITLE_MAX}
          disabled={locked}
          aria-required="true"
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={describedBy(ids.title, fieldErrors.title)}
          onChange={(event) => onChange({ title: event.target.value })}
        />
      </Field>
      {article ? (
        <p className="article-editor__slug">
          Địa chỉ công khai: <code>/bai-viet/{article.slug}</code>
          {slugFixed ? ' (đã xuất bản nên không đổi theo tiêu đề)' : ' (theo tiêu đề cho đến khi xuất bản)'}
        </p>
      ) : null}
      <Field id={ids.lead} label="Sapo" error={fieldErrors.lead}>
        <textarea
          id={ids.lead}
          rows={3}
          value={draft.lead}
          maxLength={LEAD_MAX}
          disabled={locked}
          aria-invalid={fieldErrors.lead ? true : undefined}
          aria-describedby={describedBy(ids.lead, fieldErrors.lead)}
          onChange={(event) => onChange({ lead: event.target.value })}
        />
      </Field>
      <div className="admin-field">
        <span className="article-editor__label" aria-hidden="true">
          Nội dung
        </span>
        <BodyEditor editor={editor} />
        {fieldErrors.body ? <p className="admin-field__error">{fieldErrors.body}</p> : null}
      </div>
      <TagInput value={draft.tags} onChange={(tags) => onChange({ tags })} known={knownTags} disabled={locked} />
      {fieldErrors.tags ? <p className="admin-field__error">{fieldErrors.tags}</p> : null}
      <fieldset className="article-editor__source">
        <legend>Nguồn (khi đăng lại)</legend>
        {SOURCE_FIELDS.map(({ name, label, type, maxLength }) => (
          <Field key={name} id={ids[name]} label={label} error={fieldErrors[name]}>
            <input
              id={ids[name]}
              type={type}
              value={draft[name]}
              maxLength={maxLength}
              placeholder={type === 'url' ? 'https://' : undefined}
              disabled={locked}
              aria-invalid={fieldErrors[name] ? true : undefined}
              aria-describedby={describedBy(ids[name], fieldErrors[name])}
              onChange={(event) => onChange({ [name]: event.target.value })}
            />
          </Field>
        ))}
        <p className="article-editor__source-line">
          Dòng nguồn khi đăng: <span>{sourceLine ?? '(không có)'}</span>
        </p>
      </fieldset>
    </div>
  );
}
