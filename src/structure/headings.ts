import { markerAt } from "../shared/markers.js";
import type { Heading } from "./types.js";

/** Title part of a heading line: up to the first sentence end, trimmed to a short label. */
function labelOf(line: string): string {
  const cut = line.search(/[。；：:]/);
  let t = (cut >= 0 ? line.slice(0, cut) : line).replace(/\t.*$/, "").replace(/\s+/g, " ").trim();
  if (t.length > 40) t = t.slice(0, 40) + "…";
  return t;
}

/** A heading line's marker (shared/markers.ts, the one numbering grammar), level and label. */
export function detectHeading(line: string): Heading | undefined {
  const m = markerAt(line);
  if (!m) return undefined;
  // the label writes the marker without the spaces printed inside it (第1 0条 → 第10条)
  return { level: m.level, marker: m.marker, label: labelOf(m.marker + line.slice(m.raw.length)), box: m.kind === "box" };
}
