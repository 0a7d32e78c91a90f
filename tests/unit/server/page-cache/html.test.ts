import { describe, expect, it } from 'vitest';
import { stripScripts } from '@/server/page-cache/html';

const document = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>
<link rel="modulepreload" href="/_next/static/chunks/c.js"/>
<link rel="preload" href="/_next/static/media/font.woff2" as="font" type="font/woff2" crossorigin=""/>
<script src="/_next/static/chunks/d.js" async=""></script>
<title>Số 17</title></head><body><main><h1>Số 17</h1><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
<script type="application/ld+json">{"@type":"PublicationIssue","name":"\\u003c/script>"}</script>
</main><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"5:[\\"$\\",\\"h1\\",null,{}]\\n"])</script>
<SCRIPT nonce="x">alert(2)</SCRIPT ></body></html>`;

describe('stripScripts', () => {
  const stripped = stripScripts(document);

  it('removes every script Next adds and their preloads', () => {
    expect(stripped).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    expect(stripped).not.toContain('__next_f');
    expect(stripped).not.toContain('/_next/static/chunks/b.js');
    expect(stripped).not.toContain('/_next/static/chunks/c.js');
    expect(stripped).not.toContain('/_next/static/chunks/d.js');
    expect(stripped).not.toContain('alert(2)');
  });

  it('keeps content, styles, fonts and structured data', () => {
    expect(stripped).toContain('<h1>Số 17</h1>');
    expect(stripped).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stripped).toContain('/_next/static/chunks/a.css');
    expect(stripped).toContain('font.woff2');
    expect(stripped).toContain('<script type="application/ld+json">{"@type":"PublicationIssue"');
    expect(stripped).toMatch(/<\/main>\s*<\/body><\/html>$/);
  });

  it('leaves a page without scripts unchanged', () => {
    const plain = '<!DOCTYPE html><html><body><p>Không có kịch bản</p></body></html>';
    expect(stripScripts(plain)).toBe(plain);
  });
});
