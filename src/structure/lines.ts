import type { Source } from "../ingest/source.js";
import type { Span } from "./types.js";
import { nextOf } from "../shared/char-class.js";

/** A non-blank line of a source, trimmed, with a flattened form for comparing titles. */
export interface Line extends Span { readonly text: string; readonly flat: string }

/**
 * A line whose flattened form is made when first read: only a table of contents
 * and the title lines it is looked for among read it, so on most sources making
 * it for every line was work thrown away (flat was 22% of splitDocuments).
 */
class SourceLine implements Line {
  private flatText: string | undefined;
  constructor(readonly start: number, readonly end: number, readonly text: string) {}
  get flat(): string { return (this.flatText ??= flat(this.text)); }
}

/** the ASCII bracket `flat` writes for a full-width or CJK bracket, or 0 */
function asciiBracket(code: number): number {
  switch (code) {
    case 0xff08: return 0x28; // （
    case 0xff09: return 0x29; // ）
    case 0x3014: case 0xff3b: case 0x3010: return 0x5b; // 〔［【
    case 0x3015: case 0xff3d: case 0x3011: return 0x5d; // 〕］】
    default: return 0;
  }
}

/** what `flat` edits: whitespace (`\s`) and markup, dropped, and the brackets asciiBracket writes (global: every match one character) */
const FLAT_EDIT = /[\s*#（）〔［【〕］】]/g;

/**
 * Whitespace and markup dropped, bracket variants unified: for comparing titles printed twice.
 * The characters to edit are found by a native search, and the stretches between
 * them copied: most lines hold none, and a test per code unit ran interpreted on a
 * cold start (65 000 of them in splitDocuments over the seeds, most of its class
 * tests); five regular-expression replaces before that were 18% of splitDocuments.
 */
export function flat(s: string): string {
  let at = nextOf(FLAT_EDIT, s, 0);
  if (at < 0) return s;
  let out = "";
  let from = 0;
  for (; at >= 0; at = nextOf(FLAT_EDIT, s, at + 1)) {
    out += s.slice(from, at);
    const bracket = asciiBracket(s.charCodeAt(at));
    if (bracket) out += String.fromCharCode(bracket);
    from = at + 1;
  }
  return out + s.slice(from);
}
export function linesOf(src: Source): Line[] {
  const out: Line[] = [];
  let pos = 0;
  const t = src.text;
  while (pos <= t.length) {
    let nl = t.indexOf("\n", pos);
    if (nl < 0) nl = t.length;
    const raw = t.slice(pos, nl);
    const text = raw.trim();
    if (text) {
      const start = pos + (raw.length - raw.trimStart().length);
      out.push(new SourceLine(start, start + text.length, text));
    }
    pos = nl + 1;
  }
  return out;
}

