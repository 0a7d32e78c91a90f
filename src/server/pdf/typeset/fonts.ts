// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
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
/** Distinct words kept per font; an issue uses a few thousand. */
const MAX_CACHED_WORDS = 50_000;

type GlyphRun = { glyphs: unknown[]; positions: unknown[] };
type ShapingFont = {
  layout: (text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown) => GlyphRun;
  characterSet: number[];
  glyphForCodePoint: (codePoint: number) => unknown;
  hasGlyphForCodePoint: (codePoint: number) => boolean;
  unitsPerEm: number;
  postscriptName: string;
  ascent: number;
  descent: number;
  lineGap: number;
};

let hasBodyGlyph: ((codePoint: number) => boolean) | undefined;

/**
 * Shaping (fontkit's GSUB/GPOS lookups) was a fifth of the render time, and a bulletin repeats
 * the same few thousand syllables. Runs are shaped word by word, each word once per worker;
 * spaces separate the words, and no kerning or ligature of these fonts crosses a space.
 */
function cacheShaping(font: ShapingFont): void {
  const shape = font.layout.bind(font);
  const words = new Map<string, GlyphRun>();
  font.layout = (text, features, script, language, direction) => {
    if (Array.isArray(features) && features.length > 0) return shape(text, features, script, language, direction);
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    for (const word of text.split(/( +)/)) {
      if (!word) continue;
      let run = words.get(word);
      if (!run) {
        if (words.size >= MAX_CACHED_WORDS) words.clear();
        // The positions are read, never changed: textkit scales them into new objects.
        run = shape(word, features, script, language, direction);
        words.set(word, run);
      }
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
    }
    return { glyphs, positions };
  };
}

/**
 * Registers, parses and warms the fonts, once per worker: every glyph looked up and the
 * shaping cache primed, so the first render of a worker pays nothing for them.
 */
export async function registerPdfFonts(): Promise<void> {
  if (hasBodyGlyph) return;
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
      const font = Font.getFont(descriptor).data as unknown as ShapingFont | undefined;
      if (!font) throw new Error(`Không nạp được phông chữ ${family} ${fontWeight} ${fontStyle}.`);
      // NOTE: fontkit 2.0.4 caches each glyph with the characters of its first lookup, and
      // the subsetter looks up the parts of composite glyphs with none: once a PDF has
      // embedded "ộ" (drawn from "o"), every later PDF of the process printed "o" with an
      // empty ToUnicode entry, so its text extracted and searched as "tr ng" for "trong".
      // Looking every character up first caches each glyph with its own character.
      // foliojs/fontkit#154 (fix in open PR #387), diegomura/react-pdf#3404; remove when
      // a fixed fontkit ships with react-pdf.
      for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
      cacheShaping(font);
      // fontkit computes these from its tables on every read, and textkit and pdfkit read them
      // per run and per glyph: kept as plain values instead.
      for (const metric of ['unitsPerEm', 'postscriptName', 'ascent', 'descent', 'lineGap'] as const) {
        Object.defineProperty(font, metric, { value: font[metric] });
      }
    }
  }
  const body = Font.getFont({ fontFamily: BODY_FONT, fontWeight: 400, fontStyle: 'normal' }).data as unknown as ShapingFont;
  hasBodyGlyph = (codePoint) => body.hasGlyphForCodePoint(codePoint);
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
 * characters the fonts cannot draw (emoji above all) left out. react-pdf would draw those with
 * a built-in font that garbles them and overprints the rest of the line; no embeddable font
 * covers emoji. Needs registerPdfFonts first.
 */
export function printableText(value: string): string {
  if (!hasBodyGlyph) throw new Error('registerPdfFonts() must run before printableText().');
  let result = '';
  for (const character of value.normalize('NFC')) {
    if (WHITE_SPACE.test(character)) {
      if (!result.endsWith(' ')) result += ' ';
    } else if (!FORMAT.test(character) && hasBodyGlyph(character.codePointAt(0)!)) {
      result += character;
    }
  }
  return result;
}
