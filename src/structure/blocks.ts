import { mapPacked } from "../shared/arrays.js";
import type { Source } from "../ingest/source.js";
import { detectHeading } from "./headings.js";
import { isReviewHeading } from "./review.js";
import type { Block, Cell, Heading, Sentence, Span, TableRow } from "./types.js";
import type { Line } from "./lines.js";
import { markerAt, NUM_ITEM } from "../shared/markers.js";
import { charClass, WHITESPACE } from "../shared/char-class.js";

/**
 * The span's non-blank lines, as linesOf made them (trimmed, with their offsets),
 * as blocks with the heading path each sits under: the lines are not found and
 * cut again (a second pass over every character of every document, cold).
 *
 * The loop does little of its own: a table row's cells (cellsOf) and a heading's
 * place on the path (HeadingPath.enter) are functions of their own. V8 optimizes
 * a function once it has run enough of its own bytecode; with all of it inline
 * here, the seeds' 2 300 lines made this loop, with everything it inlined, the
 * largest optimizing compile of a build (it ran once or twice per document,
 * interpreted, and compiling it cost more than all its runs).
 */
export function splitBlocks(src: Source, span: Span, lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  const path = new HeadingPath();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = line.text.includes("\t") ? cellsOf(src.text, span, i === 0, line.start, line.end) : undefined;
    blocks.push(path.block(line, cells, cells && cells.length > 2 && !line.text.startsWith("专栏") ? undefined : detectHeading(line.text)));
  }
  return blocks;
}

/**
 * The headings a block sits under, outermost first, and what they make of it. Each
 * heading on the path keeps the labels down to it (its blocks' section: blocks under
 * the same heading share the read-only array) and whether it or one above it opens
 * a review, so entering a heading reads only the one it nests in.
 */
class HeadingPath {
  private stack: Array<{ level: number; section: readonly string[]; review: boolean }> = [];
  /** the box (专栏) the blocks sit in */
  private box: string | undefined;
  private section: readonly string[] = [];
  /** a heading on the path opens a review of past results */
  private review = false;

  /** The block of a line, with its cells and the heading it opens (each when it has one). */
  block(line: Line, cells: Cell[] | undefined, h: Heading | undefined): Block {
    if (h) this.enter(h);
    // made once its section is known (no placeholder array per block), its fields in the order they always had.
    // One literal with every field (undefined where the line has none): a block given its cells, heading or
    // box by assignment had one of eight shapes, and code compiled for the shapes it had met deoptimized
    // ("wrong map") at the first block of another (blockAt, sentencesOf)
    return { start: line.start, end: line.end, text: line.text, section: this.section, review: this.review, cells, heading: h, box: this.box || undefined };
  }

  private enter(h: Heading): void {
    const parent = this.parentOf(h.level);
    if (h.level <= 4) this.box = undefined; // a 篇/章/节 heading or a new box closes the box
    if (h.box) this.box = h.label;
    const entry = { level: h.level, section: parent ? sectionWith(parent.section, h.label) : [h.label], review: (parent !== null && parent.review) || isReviewHeading(h.label) };
    this.stack.push(entry);
    this.section = entry.section;
    this.review = entry.review;
  }

  /** The heading a heading of `level` nests in, once those it closes (of its level or deeper) are off the path; null at the top. */
  private parentOf(level: number): { section: readonly string[]; review: boolean } | null {
    const stack = this.stack;
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    return stack.length ? stack[stack.length - 1]! : null;
  }
}

/**
 * The labels of `section` and then `label`, a new array: copied natively and pushed to, where
 * `section.concat(label)` ran V8's concat in C++ (a runtime call per heading: 15 M instructions
 * over c6's 4 structure passes).
 */
function sectionWith(section: readonly string[], label: string): readonly string[] {
  const out = section.slice();
  out.push(label);
  return out;
}

/**
 * A table row's cells, from the raw line: leading tabs are empty cells (a row that prints no category).
 * The raw line runs from the span's start (the span's first line) or the newline before, to the next newline or the span's end.
 */
function cellsOf(all: string, span: Span, first: boolean, start: number, end: number): Cell[] {
  const pos = first ? span.start : all.lastIndexOf("\n", start - 1) + 1;
  let nl = all.indexOf("\n", end);
  if (nl < 0 || nl > span.end) nl = span.end;
  const raw = all.slice(pos, nl);
  return splitCells(raw.replace(/^ +/, ""), pos + (raw.length - raw.replace(/^ +/, "").length));
}

/** The cells between a row's tabs, each found by indexOf (a native search), not by a test of every character. */
function splitCells(text: string, start: number): Cell[] {
  const cells: Cell[] = [];
  for (let s = 0; ;) {
    const tab = text.indexOf("\t", s);
    const i = tab < 0 ? text.length : tab;
    const raw = text.slice(s, i);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    cells.push({ start: start + s + lead, end: start + s + lead + t.length, text: t });
    if (tab < 0) break;
    s = i + 1;
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
  // an indexed loop, and each block's sentences found by a function of its own: with a for-of (an iterator
  // per block) and both loops here, this was one of the larger optimizing compiles of a cold build
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.cells && b.cells.length > 1) out.push(sentence(b.start, b.end, b.text, b));
    else sentencesOf(b, out);
  }
  return out;
}

/** The sentences of a block's text, pushed to `out`. */
function sentencesOf(b: Block, out: Sentence[]): void {
  const t = b.text;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(t); m; m = SENTENCE.exec(t)) {
    const text = m[0];
    out.push(SPACE.has(text.charCodeAt(text.length - 1)) ? trimmedSentence(b, m.index, text) : sentence(b.start + m.index, b.start + m.index + text.length, text, b));
  }
}

/** A sentence at `s` of its block's text that ends in blanks (only a block's last can), without them. */
function trimmedSentence(b: Block, s: number, whole: string): Sentence {
  let e = whole.length;
  while (SPACE.has(whole.charCodeAt(e - 1))) e--;
  const text = whole.slice(0, e);
  return sentence(b.start + s, b.start + s + text.length, text, b);
}

/** A sentence, its clauses not yet read: every sentence is made here, so all have one shape (structure/clauses.ts keeps them in that slot). */
function sentence(start: number, end: number, text: string, block: Block): Sentence {
  return { start, end, text, block, clauses: undefined };
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
    if (!header) { header = mapPacked(b.cells, (c) => c.text); continue; } // packed (shared/arrays.ts): collectTables deoptimized at a holey cells.map
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
