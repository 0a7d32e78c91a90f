/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>` and `&` are escaped so a
 * title containing "</script>" cannot close the element; U+2028/9 so old parsers don't choke.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
