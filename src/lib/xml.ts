/** Escapes text for XML element content and attribute values; drops characters XML forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // XML 1.0 forbids these control characters.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
