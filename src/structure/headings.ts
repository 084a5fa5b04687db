import { charClass } from "../shared/char-class.js";
import { markerAt } from "../shared/markers.js";
import type { Heading } from "./types.js";

const SENTENCE_END = charClass("。；：:");
const shortLabel = (t: string) => (t.length > 40 ? t.slice(0, 40) + "…" : t);
/** the stops of a label's first search (a sentence end or a blank), found from an offset by one native search (test() sets lastIndex past it) */
const FIRST_STOP = /[。；：:\s]/g;

/**
 * Title part of a heading: its marker and the rest of its line (from `from`) up
 * to the first sentence end, trimmed to a short label. Most headings hold no
 * blank before their first sentence end: then one search of the line gives the
 * label, and only its characters are copied (a heading is often a whole numbered
 * paragraph, 1.加快…。…, which joining the marker to the rest copied whole: c6
 * profile, 51 ms). A blank first (a tab among them), or in the marker, takes the full way.
 */
function labelOf(marker: string, line: string, from: number): string {
  FIRST_STOP.lastIndex = 0;
  if (!FIRST_STOP.test(marker)) {
    FIRST_STOP.lastIndex = from;
    const found = FIRST_STOP.test(line);
    const stop = found ? FIRST_STOP.lastIndex - 1 : line.length;
    if (!found || SENTENCE_END.has(line.charCodeAt(stop))) {
      // shortLabel of marker + line[from, stop), copying at most its first 40 characters
      const head = marker + line.slice(from, from + Math.min(stop - from, Math.max(0, 40 - marker.length)));
      return marker.length + stop - from > 40 ? head.slice(0, 40) + "…" : head;
    }
  }
  const whole = marker + line.slice(from);
  const cut = whole.search(/[。；：:]/);
  return shortLabel((cut >= 0 ? whole.slice(0, cut) : whole).replace(/\t.*$/, "").replace(/\s+/g, " ").trim());
}

/** A heading line's marker (shared/markers.ts, the one numbering grammar), level and label. */
export function detectHeading(line: string): Heading | undefined {
  const m = markerAt(line);
  if (!m) return undefined;
  // the label writes the marker without the spaces printed inside it (第1 0条 → 第10条)
  return { level: m.level, marker: m.marker, label: labelOf(m.marker, line, m.raw.length), box: m.kind === "box" };
}
