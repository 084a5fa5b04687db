import { eastAsianWidth } from "get-east-asian-width";

/**
 * Display width of text in columns: a Chinese character (East Asian Wide or
 * Fullwidth) takes two, other characters one. Sizes the workbook's columns and
 * aligns the build report's table. Stops counting at `cap`, so a 10 MB quote
 * costs no more than a short one.
 */
export function textWidth(s: string, cap = Infinity): number {
  let w = 0;
  for (let i = 0; i < s.length && w < cap; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x20) continue;
    // CJK Unified Ideographs (U+4E00–U+9FFF), CJK punctuation (U+3000–U+303E: 、。「」…) and full-width
    // forms (U+FF01–U+FF60: ，（）：；) are all Wide or Fullwidth: most of a Chinese text, and the workbook sizes
    // every cell by it (the test compares every BMP character with the library)
    w += c < 0x1100 ? 1 : (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303e) || (c >= 0xff01 && c <= 0xff60) ? 2 : eastAsianWidth(c, NARROW_AMBIGUOUS);
  }
  return Math.min(w, cap);
}

const NARROW_AMBIGUOUS = { ambiguousAsWide: false };

/** `s` padded with spaces to `width` columns (left-aligned, or right-aligned for numbers). */
export function padTo(s: string, width: number, right = false): string {
  const pad = " ".repeat(Math.max(0, width - textWidth(s)));
  return right ? pad + s : s + pad;
}
