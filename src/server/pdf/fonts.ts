import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';

// Complete TTFs from npm (OFL, embedding allowed): every Vietnamese letter in every style.
// The Fontsource packages split fonts by subset and cannot be used as one font.
export const BODY_FONT = 'Noto Serif';
const HEADING_FAMILY = 'Be Vietnam Pro';
/** Headings fall back, letter by letter, to the body font for what Be Vietnam Pro lacks. */
export const HEADING_FONT = [HEADING_FAMILY, BODY_FONT];

const FILES = {
  [BODY_FONT]: [
    ['@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf', 400, 'normal'],
    ['@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf', 400, 'italic'],
    ['@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf', 700, 'normal'],
    ['@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf', 700, 'italic'],
  ],
  [HEADING_FAMILY]: [
    ['@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf', 400, 'normal'],
    ['@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf', 700, 'normal'],
  ],
} as const;

/** A token longer than this may break anywhere (a pasted URL, a string without spaces). */
const LONG_TOKEN = 24;

let ready: Promise<(codePoint: number) => boolean> | undefined;

/**
 * Registers and parses the fonts, once per process; resolves to "can the body font draw this
 * character". react-pdf keeps parsed fonts in its global store, so only the first render of a
 * process pays for the parsing.
 */
export function ensurePdfFonts(): Promise<(codePoint: number) => boolean> {
  ready ??= (async () => {
    // Resolved from the project root at run time: bundlers must not try to inline the TTFs.
    const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));
    for (const [family, files] of Object.entries(FILES)) {
      Font.register({
        family,
        fonts: files.map(([file, fontWeight, fontStyle]) => ({ src: projectRequire.resolve(file), fontWeight, fontStyle })),
      });
    }
    // The built-in hyphenation is English. Vietnamese syllables are never split; only an
    // overlong token may break, so it cannot run off the page.
    Font.registerHyphenationCallback((word) => (word.length > LONG_TOKEN ? chunks(word, LONG_TOKEN) : [word]));
    for (const [family, files] of Object.entries(FILES)) {
      for (const [, fontWeight, fontStyle] of files) {
        const descriptor = { fontFamily: family, fontWeight, fontStyle };
        await Font.load(descriptor);
        const font = Font.getFont(descriptor).data;
        if (!font) throw new Error(`Không nạp được phông chữ ${family} ${fontWeight} ${fontStyle}.`);
        // NOTE: fontkit 2.0.4 caches each glyph with the characters of its first lookup, and
        // the subsetter looks up the parts of composite glyphs with none: once a PDF has
        // embedded "ộ" (drawn from "o"), every later PDF of the process printed "o" with an
        // empty ToUnicode entry, so its text extracted and searched as "tr ng" for "trong".
        // Looking every character up first caches each glyph with its own character.
        // foliojs/fontkit#154 (fix in open PR #387), diegomura/react-pdf#3404; remove when
        // a fixed fontkit ships with react-pdf.
        for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
      }
    }
    const body = Font.getFont({ fontFamily: BODY_FONT, fontWeight: 400, fontStyle: 'normal' }).data!;
    return (codePoint: number) => body.hasGlyphForCodePoint(codePoint);
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

function chunks(word: string, size: number): string[] {
  // Array.from keeps surrogate pairs whole.
  const characters = Array.from(word);
  const parts: string[] = [];
  for (let i = 0; i < characters.length; i += size) parts.push(characters.slice(i, i + size).join(''));
  return parts;
}

const WHITE_SPACE = /\s/;
/** Invisible format characters: joiners of emoji sequences, bidi overrides. */
const FORMAT = /\p{Cf}/u;

/**
 * Text as the PDF can print it: NFC (NFD extracts garbled and doubles the file), runs of white
 * space folded (edges kept: they separate marked runs), invisible format characters and the
 * characters the fonts cannot draw (emoji above all) left out. react-pdf would draw those with a built-in font that garbles them
 * and overprints the rest of the line; no embeddable font covers emoji.
 */
export function printableText(value: string, hasGlyph: (codePoint: number) => boolean): string {
  let result = '';
  for (const character of value.normalize('NFC')) {
    const codePoint = character.codePointAt(0)!;
    if (WHITE_SPACE.test(character)) {
      if (!result.endsWith(' ')) result += ' ';
    } else if (!FORMAT.test(character) && hasGlyph(codePoint)) {
      result += character;
    }
  }
  return result;
}
