import { charClass } from "../shared/char-class.js";
import { markerAt } from "../shared/markers.js";
import type { Heading } from "./types.js";

/** Title part of a heading line: up to the first sentence end, trimmed to a short label. */
function labelOf(line: string): string {
  // most headings hold no blank before their first sentence end: then that one
  // search is all the label needs (a blank, a tab among them, takes the full way)
  const first = line.search(/[。；：:\s]/);
  if (first < 0) return shortLabel(line);
  if (SENTENCE_END.has(line.charCodeAt(first))) return shortLabel(line.slice(0, first));
  const cut = line.search(/[。；：:]/);
  return shortLabel((cut >= 0 ? line.slice(0, cut) : line).replace(/\t.*$/, "").replace(/\s+/g, " ").trim());
}

const SENTENCE_END = charClass("。；：:");
const shortLabel = (t: string) => (t.length > 40 ? t.slice(0, 40) + "…" : t);

/** A heading line's marker (shared/markers.ts, the one numbering grammar), level and label. */
export function detectHeading(line: string): Heading | undefined {
  const m = markerAt(line);
  if (!m) return undefined;
  // the label writes the marker without the spaces printed inside it (第1 0条 → 第10条)
  return { level: m.level, marker: m.marker, label: labelOf(m.marker + line.slice(m.raw.length)), box: m.kind === "box" };
}
