// React decodes a server action's arguments recursively, before any of our code runs; a few
// thousand nested arrays overflow its stack and the request ends in a 500. This scan is
// iterative and runs first (src/proxy.ts), so nesting deeper than any real form sends is
// refused up front.

/** Nesting our own forms never pass: a rich-text document at its deepest is about 30. */
export const MAX_JSON_NESTING = 100;

/** Whether arrays/objects in a JSON-like text nest deeper than `limit`; strings are skipped. */
export function isNestedDeeperThan(text: string, limit: number = MAX_JSON_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) depth -= 1;
  }
  return false;
}
