import { mapPacked } from "../../shared/arrays.js";
import type { Source } from "../../ingest/source.js";

/**
 * The source text a review page shows: one entry per line of the ORIGINAL
 * file (entry i = line i + 1), holding the text the extractors read from that
 * line (after normalisation: full-width digits and letters folded, runs of
 * spaces squeezed). Lines that gave no text (blank, or markup only) are "".
 * Built from the position map, so a line joined to the next (a PDF wrap, a
 * page break) is shown on its own line again.
 */
export function sourceLines(src: Source): string[] {
  const { map, text } = src;
  // the map's arrays read here (a run's end is the next one's start): a line or two of
  // work per run, not a method call and several property reads each
  const { starts, lineOf } = map, runs = starts.length, last = runs - 1;
  let max = 0;
  for (let k = 0; k < runs; k++) if (lineOf[k]! > max) max = lineOf[k]!;
  // each line's pieces joined as they come (most lines are one piece): no array of them per line
  const lines = new Array<string>(max).fill("");
  let nl = -1; // the first line break at or after the run's start (kept: runs between two breaks share it)
  for (let k = 0; k < runs; k++) {
    const start = starts[k]!, end = k < last ? starts[k + 1]! : map.length;
    // a run is usually one line and its line break: a slice of the text, not a copy
    if (nl < start) nl = text.indexOf("\n", start) >>> 0; // none: 2³² - 1, past every run
    const piece = nl >= end ? text.slice(start, end) : nl === end - 1 ? text.slice(start, nl) : text.slice(start, end).replace(/\n/g, "");
    if (piece) lines[lineOf[k]! - 1] += piece;
  }
  return lines;
}

/** Where a record's quote stands on its line: [start, end) in the line's text, or null. */
export type Span = readonly [number, number];

/**
 * Finds quotes on their lines within a budget of characters scanned, so a
 * hostile input (thousands of distinct quotes on one 10 MB line) stays linear:
 * past the budget a record's whole line is its highlight.
 */
export class QuoteLocator {
  private spent = 0;
  /**
   * spans found, by line then quote: a line's records often share their quote
   * (one clause, several records), and a key of the quote itself is hashed once
   * (a string keeps its hash), where a key made of line and quote was a new
   * string to copy and hash for every record
   */
  private readonly memo = new Map<number, Map<string, Span | null>>();
  /** the folded text of the line searched last (a line's records come together) */
  private folded: { lineNo: number; text: string; at: Int32Array | null } | null = null;

  constructor(private readonly budget: number) {}

  locate(lineNo: number, line: string, quote: string): Span | null {
    if (!line || !quote) return null;
    let onLine = this.memo.get(lineNo);
    if (!onLine) this.memo.set(lineNo, (onLine = new Map()));
    const known = onLine.get(quote);
    if (known !== undefined) return known;
    const span = this.find(lineNo, line, quote);
    onLine.set(quote, span);
    return span;
  }

  private find(lineNo: number, line: string, quote: string): Span | null {
    if (this.spent > this.budget) return [0, line.length];
    this.spent += line.length + quote.length;
    // quotes are whitespace-normalised: compare with the line's whitespace runs folded to one space
    if (this.folded?.lineNo !== lineNo) this.folded = { lineNo, ...foldSpaces(line) };
    const { text, at } = this.folded;
    const q = (FOLDED.test(quote) ? quote.replace(/\s+/g, " ") : quote).trim();
    const back = (s: number, e: number): Span => (at ? [at[s]!, e >= text.length ? line.length : at[e]!] : [s, Math.min(e, line.length)]);
    const i = text.indexOf(q);
    if (i >= 0) return back(i, i + q.length);
    // a quote that runs over several lines (a sentence wrapped in a PDF): this line is part of it
    const whole = text.trim();
    if (whole && q.includes(whole)) return [0, line.length];
    // the quote starts on this line and goes on below: a tail of the line is its head
    const head = q.slice(0, 2);
    for (let p = text.lastIndexOf(head), tries = 0; p >= 0 && tries < 64; p = p ? text.lastIndexOf(head, p - 1) : -1, tries++) {
      if (q.startsWith(text.slice(p).trimEnd())) return back(p, text.length);
    }
    // it began above and ends on this line: a head of the line is its tail
    const tail = q.slice(-2);
    for (let p = text.indexOf(tail), tries = 0; p >= 0 && tries < 64; p = text.indexOf(tail, p + 1), tries++) {
      if (q.endsWith(text.slice(0, p + tail.length).trimStart())) return back(0, p + tail.length);
    }
    return null;
  }
}

/**
 * A line that folding leaves as it is: no whitespace but single spaces. Most lines
 * (Chinese text has few spaces) are: one native search tells so, and spares them a
 * copy and a position per character.
 */
const FOLDED = /[^\S ]|\s\s/;

/**
 * `line` with each run of whitespace as one space, and where each of its characters
 * stands in `line` (null: where it stands in the text, which is the line itself).
 */
function foldSpaces(line: string): { text: string; at: Int32Array | null } {
  if (!FOLDED.test(line)) return { text: line, at: null };
  const at = new Int32Array(line.length);
  const parts: string[] = [];
  let n = 0, from = 0;
  const copy = (start: number, end: number) => {
    parts.push(line.slice(start, end));
    for (let i = start; i < end; i++) at[n++] = i;
  };
  for (const m of line.matchAll(/\s+/g)) {
    copy(from, m.index);
    parts.push(" ");
    at[n++] = m.index;
    from = m.index + m[0].length;
  }
  copy(from, line.length);
  return { text: parts.join(""), at };
}

/** Pieces of a line between highlight boundaries, each with the records whose quote covers it. */
export interface Segment { start: number; end: number; records: number[] }

/**
 * Cut a line at the edges of its highlights. Records with the same span share
 * one highlight; overlapping spans split into pieces covered by each. At most
 * `maxDepth` spans are listed on one piece (the rest stay reachable from the list).
 */
export function segments(spans: ReadonlyArray<{ span: Span; record: number }>, maxDepth = 32): Segment[] {
  if (!spans.length) return [];
  // most lines hold one record's quote: its span is the one piece (no groups, cuts or sorting)
  if (spans.length === 1) {
    const { span: [start, end], record } = spans[0]!;
    return end > start ? [{ start, end, records: [record] }] : [];
  }
  // a line's records often share their quote, and QuoteLocator gives a quote one span per line:
  // one span for all of them is one piece, listing them all (no groups, cuts or sorting)
  const [start, end] = spans[0]!.span;
  let k = 1;
  while (k < spans.length && spans[k]!.span === spans[0]!.span) k++;
  if (k === spans.length) return end > start ? [{ start, end, records: mapPacked(spans, (s) => s.record) }] : [];
  const groups = new Map<string, { start: number; end: number; records: number[] }>();
  for (const { span, record } of spans) {
    if (span[1] <= span[0]) continue;
    const k = `${span[0]}:${span[1]}`;
    const g = groups.get(k);
    if (g) g.records.push(record);
    else groups.set(k, { start: span[0], end: span[1], records: [record] });
  }
  const list = [...groups.values()];
  const cuts = [...new Set(list.flatMap((g) => [g.start, g.end]))].sort((a, b) => a - b);
  const byStart = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let active: typeof list = [];
  let next = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c]!, to = cuts[c + 1]!;
    active = active.filter((g) => g.end > from);
    while (next < byStart.length && byStart[next]!.start <= from) { if (byStart[next]!.end > from) active.push(byStart[next]!); next++; }
    if (!active.length) continue;
    const records = active.slice(0, maxDepth).flatMap((g) => g.records);
    out.push({ start: from, end: to, records });
  }
  return out;
}
