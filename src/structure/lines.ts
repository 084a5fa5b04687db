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
  // declared, not class fields: a field is defined on each new object by a call of its own (an initializer
  // function, then a define per field) before the constructor sets it, and a source makes one object per line
  declare readonly start: number;
  declare readonly end: number;
  declare readonly text: string;
  private declare flatText: string | undefined;
  constructor(start: number, end: number, text: string) {
    // every field set here, in this order: every line has the one shape
    this.start = start;
    this.end = end;
    this.text = text;
    this.flatText = undefined;
  }
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

/**
 * what `flat` edits: whitespace (`\s`) and markup, dropped, and the brackets asciiBracket writes (global: every
 * match one character). Two alternatives, not one class: a class of more than 16 ranges (\s is 10 of them) is
 * tested by a call out of the matcher per character (V8's range array), 160 instructions a character against 65
 * for the two (callgrind, a search over the seeds).
 */
const FLAT_EDIT = /[*#（）〔［【〕］】]|\s/g;

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
/**
 * A line's trimmed text: from its first non-blank character to its last on the same
 * line (\s is what trim() removes; only \n ends a line). Global: each match is one
 * non-blank line, found by a native search that also skips the blank lines between.
 */
const TRIMMED_LINE = /\S(?:[^\n]*\S)?/g;

/**
 * The non-blank lines of a source, trimmed: one search per line, where slicing each
 * line, trimming it and trimming its start again ran interpreted per line, cold.
 */
export function linesOf(src: Source): Line[] {
  const out: Line[] = [];
  const t = src.text;
  TRIMMED_LINE.lastIndex = 0;
  for (let m = TRIMMED_LINE.exec(t); m; m = TRIMMED_LINE.exec(t)) out.push(new SourceLine(m.index, m.index + m[0].length, m[0]));
  return out;
}
