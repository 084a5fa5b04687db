import type { Source } from "../ingest/source.js";
import type { Span } from "./types.js";

/** A non-blank line of a source, trimmed, with a flattened form for comparing titles. */
export interface Line extends Span { text: string; flat: string }

/** Whitespace and markup dropped, bracket variants unified: for comparing titles printed twice. */
export const flat = (s: string) => s.replace(/[\s*#]+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")").replace(/[〔［【]/g, "[").replace(/[〕］】]/g, "]");
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
      out.push({ start, end: start + text.length, text, flat: flat(text) });
    }
    pos = nl + 1;
  }
  return out;
}

