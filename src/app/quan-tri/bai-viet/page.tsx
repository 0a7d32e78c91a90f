import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { singleLineText } from '@/schemas/text';
import { Pagination } from '@/components/public/pagination';
import { BULK_FORM_ID, BulkForm } from '@/components/admin/bulk-form';
import { requirePageActor } from '@/server/auth/session';
import { listMoveTargets } from '@/server/articles/bulk';
import { can } from '@/server/permissions';
import type { BulkAction } from '@/schemas/bulk';
import { ARTICLE_SORTS, listEditorialArticles, listFilterChoices, type ArticleFilter } from '@/server/articles/editorial-queries';
import { ARTICLE_STATUS_LABELS } from '@/server/issues/preflight';
import { parsePageParam } from '@/lib/route-params';
import { ArticleRows } from './article-table';
import { bulkArticlesAction } from './bulk-actions';
import './editor.css';
import './collaboration.css';

export const metadata: Metadata = { title: 'Bài viết' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<keyof typeof ARTICLE_SORTS, string> = {
  'moi-cap-nhat': 'Mới cập nhật',
  'cu-nhat': 'Cập nhật lâu nhất',
  'tieu-de': 'Tiêu đề A–Z',
  'moi-tao': 'Mới tạo',
};

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="admin-field">
      <label htmlFor={`loc-${name}`}>{label}</label>
      <select id={`loc-${name}`} name={name} defaultValue={value}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const ALL = { value: '', label: 'Tất cả' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Query parameters are input: anything unexpected falls back to "no filter".
const filterSchema = z.object({
  'trang-thai': z.enum(['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED']).optional().catch(undefined),
  'chu-de': z
    .string()
    .regex(/^[a-z0-9-]{1,200}$/)
    .optional()
    .catch(undefined),
  'tac-gia': z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  'chuyen-muc': singleLineText(z.string().max(200)).optional().catch(undefined),
  q: singleLineText(z.string().max(200)).optional().catch(undefined),
  'sap-xep': z.enum(Object.keys(ARTICLE_SORTS) as [keyof typeof ARTICLE_SORTS]).catch('moi-cap-nhat'),
});

export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requirePageActor('/quan-tri/bai-viet');
  const raw = await searchParams;
  const params = filterSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, first(value) || undefined])));
  const filter: ArticleFilter = {
    status: params['trang-thai'],
    tagSlug: params['chu-de'],
    sectionTitle: params['chuyen-muc'],
    authorId: params['tac-gia'],
    text: params.q,
    sort: params['sap-xep'],
    page: parsePageParam(raw.trang),
  };
  const [list, choices, moveTargets] = await Promise.all([listEditorialArticles(filter), listFilterChoices(), listMoveTargets()]);
  // Only the steps this person may take are offered; each article is checked again anyway.
  const bulkActions: BulkAction[] = can(actor, 'article.approve') ? ['submit', 'approve', 'tag', 'move'] : ['submit', 'tag', 'move'];
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
    query.set('trang', String(page));
    return `/quan-tri/bai-viet?${query}`;
  };
  return (
    <>
      <h1 className="admin-title">Bài viết</h1>
      <p className="admin-lead">
        <Link href="/quan-tri/bai-viet/moi">Bài viết mới</Link>
      </p>
      <form method="get" className="admin-form article-filters" role="search" aria-label="Lọc bài viết">
        <div className="admin-field">
          <label htmlFor="loc-q">Tìm theo tiêu đề, sapo (gõ có dấu hay không dấu đều được)</label>
          <input id="loc-q" name="q" type="search" defaultValue={params.q ?? ''} maxLength={200} />
        </div>
        <FilterSelect
          name="trang-thai"
          label="Trạng thái"
          value={params['trang-thai'] ?? ''}
          options={[ALL, ...Object.entries(ARTICLE_STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        <FilterSelect
          name="chu-de"
          label="Chủ đề"
          value={params['chu-de'] ?? ''}
          options={[ALL, ...choices.tags.map((tag) => ({ value: tag.slug, label: tag.name }))]}
        />
        <FilterSelect
          name="chuyen-muc"
          label="Chuyên mục"
          value={params['chuyen-muc'] ?? ''}
          options={[ALL, ...choices.sections.map((title) => ({ value: title, label: title }))]}
        />
        <FilterSelect
          name="tac-gia"
          label="Tác giả"
          value={params['tac-gia'] ? String(params['tac-gia']) : ''}
          options={[ALL, ...choices.authors.map((author) => ({ value: String(author.id), label: author.name }))]}
        />
        <FilterSelect
          name="sap-xep"
          label="Sắp xếp"
          value={params['sap-xep']}
          options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <button type="submit" className="admin-button admin-button--primary">
          Lọc
        </button>
      </form>
      <p role="status">{list.total} bài viết</p>
      {list.items.length > 0 ? (
        <BulkForm
          action={bulkArticlesAction}
          actions={bulkActions}
          moveTargets={moveTargets}
          knownTags={choices.tags.map((tag) => tag.name)}
        />
      ) : null}
      <ArticleRows items={list.items} empty="Không có bài viết nào khớp bộ lọc." selectForm={BULK_FORM_ID} />
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
    </>
  );
}
