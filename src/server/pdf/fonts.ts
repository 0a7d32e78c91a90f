import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

// Complete TTFs from npm (OFL, embedding allowed): every Vietnamese letter in every style.
// The Fontsource packages split fonts by subset and cannot be used as one font.
export const BODY_FONT = 'Noto Serif';
export const HEADING_FONT = 'Be Vietnam Pro';

const FILES = {
  [BODY_FONT]: [
    ['@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf', 400, 'normal'],
    ['@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf', 400, 'italic'],
    ['@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf', 700, 'normal'],
    ['@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf', 700, 'italic'],
  ],
  [HEADING_FONT]: [
    ['@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf', 400, 'normal'],
    ['@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf', 700, 'normal'],
  ],
} as const;

let registered = false;

/**
 * Registers the fonts once per process. react-pdf parses a font on first use and keeps it in
 * its global store, so only the first render of a process pays for the parsing.
 */
export function ensurePdfFonts(): void {
  if (registered) return;
  // Resolved from the project root at run time: bundlers must not try to inline the TTFs.
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  for (const [family, files] of Object.entries(FILES)) {
    Font.register({
      family,
      fonts: files.map(([file, fontWeight, fontStyle]) => ({ src: require.resolve(file), fontWeight, fontStyle })),
    });
  }
  // The built-in hyphenation is English. Vietnamese syllables are never split; only a token
  // too long for any line (a pasted URL, a string without spaces) may break, anywhere.
  Font.registerHyphenationCallback((word) => (word.length > LONG_TOKEN ? chunks(word, LONG_TOKEN) : [word]));
  registered = true;
}

const LONG_TOKEN = 24;

function chunks(word: string, size: number): string[] {
  const parts: string[] = [];
  // Array.from keeps surrogate pairs (emoji, rare CJK) whole.
  const characters = Array.from(word);
  for (let i = 0; i < characters.length; i += size) parts.push(characters.slice(i, i + size).join(''));
  return parts;
}
