import type { Source } from "../ingest/source.js";
import { detectHeading } from "./headings.js";
import { isReviewHeading } from "./review.js";
import type { Block, Cell, Sentence, Span, TableRow } from "./types.js";
import type { Line } from "./lines.js";
import { markerAt, NUM_ITEM } from "../shared/markers.js";
import { charClass, WHITESPACE } from "../shared/char-class.js";

/**
 * The span's non-blank lines, as linesOf made them (trimmed, with their offsets),
 * as blocks with the heading path each sits under: the lines are not found and
 * cut again (a second pass over every character of every document, cold).
 */
export function splitBlocks(src: Source, span: Span, lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  const stack: Array<{ level: number; label: string; box: boolean; review: boolean }> = [];
  let box: string | undefined;
  // the heading path changes only at a heading: blocks under the same one share its (read-only) array
  let section: readonly string[] = [];
  let review = false;
  const all = src.text;
  for (let i = 0; i < lines.length; i++) {
    const { start, end, text } = lines[i]!;
    // cells come from the raw line: leading tabs are empty cells (a row that prints no category).
    // The raw line runs from the span's start or the newline before, to the next newline or the span's end.
    let cells: Cell[] | undefined;
    if (text.includes("\t")) {
      const pos = i === 0 ? span.start : all.lastIndexOf("\n", start - 1) + 1;
      let nl = all.indexOf("\n", end);
      if (nl < 0 || nl > span.end) nl = span.end;
      const raw = all.slice(pos, nl);
      cells = splitCells(raw.replace(/^ +/, ""), pos + (raw.length - raw.replace(/^ +/, "").length));
    }
    const h = cells && cells.length > 2 && !/^专栏/.test(text) ? undefined : detectHeading(text);
    if (h) {
      while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      if (h.level <= 4) box = undefined; // a 篇/章/节 heading or a new box closes the box
      stack.push({ level: h.level, label: h.label, box: h.box, review: isReviewHeading(h.label) });
      if (h.box) box = h.label;
      section = stack.map((s) => s.label);
      review = stack.some((s) => s.review);
    }
    // made once its section is known (no placeholder array per block), its fields in the order they always had
    const block: Block = { start, end, text, section, review };
    if (cells) block.cells = cells;
    if (h) block.heading = h;
    if (box) block.box = box;
    blocks.push(block);
  }
  return blocks;
}

function splitCells(text: string, start: number): Cell[] {
  const cells: Cell[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\t") {
      const raw = text.slice(s, i);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      cells.push({ start: start + s + lead, end: start + s + lead + t.length, text: t });
      s = i + 1;
    }
  }
  while (cells.length && !cells[cells.length - 1]!.text) cells.pop();
  return cells;
}

/**
 * Sentences: split after 。！？； (closing quotes/brackets stay with their sentence).
 * Each sentence is found whole, trimmed, by one native search: it starts at a
 * non-blank character and runs to its break and the closers after it, or to the
 * block's end. A block's text is a trimmed line, so only a last sentence without
 * a break could end in a blank (never, but it is trimmed all the same). Searching
 * for the breaks and trimming each piece by a class test per end character ran
 * interpreted on a cold start, hot enough to be optimized.
 */
const SENTENCE = /(?=\S)[^。！？；!?;]*(?:[。！？；!?;][”’）)」』]*)?/g;
/** what String.prototype.trim removes */
const SPACE = charClass(WHITESPACE);

export function splitSentences(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  for (const b of blocks) {
    if (b.cells && b.cells.length > 1) {
      out.push({ start: b.start, end: b.end, text: b.text, block: b });
      continue;
    }
    const t = b.text;
    SENTENCE.lastIndex = 0;
    for (let m = SENTENCE.exec(t); m; m = SENTENCE.exec(t)) {
      let text = m[0];
      const s = m.index;
      if (SPACE.has(text.charCodeAt(text.length - 1))) {
        let e = text.length;
        while (SPACE.has(text.charCodeAt(e - 1))) e--;
        text = text.slice(0, e);
      }
      out.push({ start: b.start + s, end: b.start + s + text.length, text, block: b });
    }
  }
  return out;
}

/**
 * Table rows: tab-separated blocks inside a 专栏 box. The first row with three
 * or more cells after the box heading is the header; a first column that is
 * blank continues the category printed above it.
 */

export function collectTables(blocks: Block[]): TableRow[] {
  const rows: TableRow[] = [];
  let header: string[] | null = null;
  let box: string | undefined;
  let category: string | undefined;
  for (const b of blocks) {
    if (b.box !== box) { header = null; box = b.box; category = undefined; }
    if (!b.cells || b.cells.length < 3 || b.heading?.box) continue;
    if (!header) { header = b.cells.map((c) => c.text); continue; }
    let cells = b.cells;
    // a row shorter than its header lacks its blank leading cells, and a row
    // opening with a numbered item (10.每千人口…) lacks its blank category cell:
    // a PDF or HTML table keeps no empty cell where a text file kept a tab
    let pad = header.length - cells.length;
    const numbered = (t: string) => markerAt(t.trimStart(), NUM_ITEM) !== undefined;
    if (pad < 1 && numbered(cells[0]!.text) && !numbered(header[0]!)) pad = 1;
    if (pad > 0) {
      const at = cells[0]!.start;
      cells = Array.from({ length: pad }, () => ({ text: "", start: at, end: at })).concat(cells);
    }
    // rows print their category in column 0 only on the first row of a group
    if (cells[0]!.text) category = cells[0]!.text.replace(/\s+/g, "");
    rows.push({ block: b, cells, header, category });
  }
  return rows;
}
