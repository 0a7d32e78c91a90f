import 'server-only';

// Next's document carries its router: bootstrap scripts, the page's React Server Components
// payload as inline scripts (half the bytes of an issue page, the text a second time) and
// preloads of both. A reader needs none of it: every public page is plain HTML and CSS, links
// and GET forms. Removing it makes the page lighter and lets its policy forbid all scripts.
// Structured data (JSON-LD) is data, never run, and stays.

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>/gi;
const AS_SCRIPT = /\bas="script"/i;
const DATA_SCRIPT = /\btype="application\/ld\+json"/i;

/**
 * The document without its scripts. React writes inline script text escaped (`</script` never
 * appears inside one) and our JSON-LD escapes `<`, so the first closing tag ends each script.
 */
export function stripScripts(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string) => (DATA_SCRIPT.test(attributes) ? whole : ''))
    .replace(SCRIPT_PRELOAD, (whole) => (whole.includes('modulepreload') || AS_SCRIPT.test(whole) ? '' : whole));
}
