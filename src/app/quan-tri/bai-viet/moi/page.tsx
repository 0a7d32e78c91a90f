import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/editor/article-editor';
import { requirePageActor } from '@/server/auth/session';
import { assertCan } from '@/server/permissions';
import { editorContext } from '../editor-props';
import '../editor.css';

export const metadata: Metadata = { title: 'Bài viết mới' };

const EMPTY = {
  title: '',
  lead: '',
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
  sourceAuthors: '',
  sourceOutlet: '',
  sourceUrl: '',
  tags: [],
};

export default async function NewArticlePage() {
  const actor = await requirePageActor('/quan-tri/bai-viet/moi');
  assertCan(actor, 'article.create');
  const context = await editorContext(actor, actor.id);
  return (
    <>
      <h1 className="admin-title">Bài viết mới</h1>
      <p className="admin-lead">Bài viết được tự động lưu thành Nháp ngay khi có tiêu đề.</p>
      <ArticleEditor initial={{ article: null, draft: EMPTY, live: null }} returnComment={null} slugFixed={false} {...context} />
    </>
  );
}
