import type { Block, Doc } from "../../structure/types.js";
import { clauseEnd, clauseStart, type Piece } from "../../structure/clauses.js";
import { charClass } from "../../shared/char-class.js";

/**
 * An item of a policy list ("18. 对……给予……（责任单位：……）"): its heading
 * block and the blocks that continue it (a page break or a wrapped line can
 * split one item over several blocks: "按照每单不超过" / "0.3元的标准"). The
 * text is the blocks' texts joined without separators; `srcAt` maps an offset
 * of it back to Source.text, so every span found here maps back.
 */
export interface Item {
  text: string;
  /**
   * Where each block's text starts in `text` (`runAt`) and in Source.text
   * (`runSrc`), one entry per non-empty block. A run reaches to the next one:
   * a "\n" joined after a block maps one past its last character. Runs, not a
   * Source offset per character: an item without headings can be a whole
   * input of millions of characters.
   */
  runAt: number[];
  runSrc: number[];
  blocks: Block[];
}

export function itemsOf(doc: Doc): Item[] {
  const items: Item[] = [];
  for (let i = 0, j = 0; i < doc.blocks.length; i = j) {
    j = itemEnd(doc.blocks, i);
    items.push(itemOf(doc.blocks.slice(i, j)));
  }
  return items;
}

/** Where the item opened by `blocks[from]` ends (exclusive): at the next heading block. */
export function itemEnd(blocks: readonly Block[], from: number): number {
  let k = from + 1;
  while (k < blocks.length && !blocks[k]!.heading) k++;
  return k;
}

/** The item of `blocks` (from an item's first block to its end, itemEnd): their texts joined, a line break after a title or a finished sentence. */
export function itemOf(blocks: Block[]): Item {
  const item: Item = { text: "", runAt: [], runSrc: [], blocks };
  // the text's last line, read only when a block follows one that ends in none of LINE_END: its length (41 stands
  // for longer) and whether it holds a comma, up to the end of `unread`, the last block (read only then). A string of
  // the text's tail, sliced and regex-tested per block, was most of itemsOf's time and garbage.
  const line = { len: 0, comma: false };
  let unread: string | null = null;
  // the text's last character, kept apart: reading it off the joined text would flatten that text at every block
  let last = -1;
  for (const b of blocks) {
    // a title line or a finished sentence ends here; a wrapped line ("按照每单不" / "超过0.3元") runs on
    if (item.text) {
      let breaks = LINE_END.has(last);
      if (!breaks) {
        if (unread !== null) { lineAfter(line, unread); unread = null; }
        breaks = line.len <= MAX_TITLE && !line.comma;
      }
      if (breaks) { item.text += "\n"; line.len = 0; line.comma = false; unread = null; last = NEWLINE; }
    }
    const t = b.text;
    if (t) {
      item.runAt.push(item.text.length); item.runSrc.push(b.start);
      item.text += t;
      unread = t;
      last = t.charCodeAt(t.length - 1);
    }
  }
  return item;
}

/** a line this long or shorter without a comma is a title: the block after it starts a line of its own */
const MAX_TITLE = 40;
const NEWLINE = 10;
/** what ends a line the next block does not continue: a sentence or clause end, a closing bracket, a line break */
const LINE_END = charClass("。；！？：:）〕\n");
const COMMA = charClass("，,");
/** The last line once `t` is added to a text whose last line is `line`: only t's last MAX_TITLE + 1 characters are read. */
function lineAfter(line: { len: number; comma: boolean }, t: string): void {
  const from = Math.max(0, t.length - MAX_TITLE - 1);
  let comma = false, k = t.length - 1;
  for (; k >= from; k--) {
    const c = t.charCodeAt(k);
    if (c === NEWLINE) break;
    if (COMMA.has(c)) comma = true;
  }
  if (k >= from) { line.len = t.length - 1 - k; line.comma = comma; } // a line break in t starts the line
  else if (from > 0) { line.len = MAX_TITLE + 1; line.comma = comma; } // none in its last MAX_TITLE + 1: too long
  else { line.len = Math.min(MAX_TITLE + 1, line.len + t.length); line.comma ||= comma; } // the line runs on
}

/** Source offset of item offset `i` (end offsets map to one past the last character). */
export function srcAt(item: Item, i: number): number {
  const { runAt, runSrc } = item;
  if (!runAt.length) return i <= 0 ? 0 : 1; // no text
  // the character at i, or the last one for an end offset
  const c = Math.max(0, Math.min(i, item.text.length - 1));
  let lo = 0, hi = runAt.length - 1; // the last run starting at or before c
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runAt[mid]! <= c) lo = mid; else hi = mid - 1;
  }
  return runSrc[lo]! + (c - runAt[lo]!) + (i >= item.text.length ? 1 : 0);
}

/** A sentence longer than any real one (hostile input) quotes its part, then the clause around the amount. */
const MAX_QUOTE = 1000;
/** The quote of a record: its sentence, else its part, else the clauses from `from` to `to`; as Source offsets. */
export function quoteOf(item: Item, period: Piece, part: Piece, from: number, to: number): { start: number; end: number } {
  let s = period.start, e = period.end;
  if (e - s > MAX_QUOTE) { s = part.start; e = part.end; }
  if (e - s > MAX_QUOTE) { s = clauseStart(item.text, from, s); e = clauseEnd(item.text, to, e); }
  return { start: srcAt(item, s), end: srcAt(item, e) };
}
