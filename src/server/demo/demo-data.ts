import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BlockNode, RichDocument } from '@/content/schema';

// The two real Lai Châu bulletins (prisma/demo-data/, structured from ../shared/seeds/).
const demoDir = path.resolve(import.meta.dirname, '../../../prisma/demo-data');
export const DEMO_FILES = ['so-08-2025.json', 'so-17-2025.json'] as const;

const text = z.string().min(1);
const demoBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text }),
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(text).min(1) }),
  z.strictObject({ type: z.literal('quote'), text }),
  z.strictObject({ type: z.literal('image'), caption: z.string(), credit: z.string().nullable() }),
]);
const demoArticle = z.strictObject({
  title: text,
  lead: z.string().nullable(),
  body: z.array(demoBlock),
  source: z.strictObject({ authors: z.string().nullable(), outlet: z.string().nullable(), url: z.string().nullable() }).nullable(),
  tags: z.array(text),
});
const demoIssue = z.strictObject({
  number: z.number().int().positive(),
  year: z.number().int(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  sections: z.array(z.strictObject({ title: text, articles: z.array(demoArticle) })),
});

export type DemoIssue = z.infer<typeof demoIssue>;
export type DemoArticle = z.infer<typeof demoArticle>;
export type DemoBlock = z.infer<typeof demoBlock>;

export async function readDemoIssues(): Promise<DemoIssue[]> {
  return Promise.all(DEMO_FILES.map(async (file) => demoIssue.parse(JSON.parse(await readFile(path.join(demoDir, file), 'utf8')))));
}

const paragraphOf = (value: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: value }] });

/** Demo blocks to the stored rich-text form; `mediaIds` gives one id per image block, in order. */
export function toRichDocument(blocks: DemoBlock[], mediaIds: number[]): RichDocument {
  let imageIndex = 0;
  const content = blocks.map((block): BlockNode => {
    switch (block.type) {
      case 'paragraph':
        return paragraphOf(block.text);
      case 'heading':
        return { type: 'heading', attrs: { level: block.level }, content: [{ type: 'text', text: block.text }] };
      case 'quote':
        return { type: 'blockquote', content: [paragraphOf(block.text)] };
      case 'list': {
        const items = block.items.map((item) => ({ type: 'listItem' as const, content: [paragraphOf(item)] }));
        return block.ordered ? { type: 'orderedList', content: items } : { type: 'bulletList', content: items };
      }
      case 'image': {
        const mediaId = mediaIds[imageIndex++];
        if (!mediaId) throw new Error('Thiếu ảnh cho khối ảnh của dữ liệu mẫu.');
        return {
          type: 'image',
          attrs: { mediaId, caption: block.caption || null, credit: block.credit, alt: block.caption || null },
        };
      }
    }
  });
  return { type: 'doc', content };
}
