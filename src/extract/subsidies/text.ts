import type { Block, Doc } from "../../structure/types.js";
import { clauseEnd, clauseStart, type Piece } from "../../structure/clauses.js";

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
  let cur: Item | null = null;
  // the item text's last 41 characters, kept apart: slicing the growing text itself would
  // flatten it on every block (quadratic on an item of 10 000 blocks)
  let tail = "";
  for (const b of doc.blocks) {
    if (!cur || b.heading) {
      cur = { text: "", runAt: [], runSrc: [], blocks: [] };
      items.push(cur);
      tail = "";
    }
    const t = doc.source.text.slice(b.start, b.end);
    // a title line or a finished sentence ends here; a wrapped line ("按照每单不" / "超过0.3元") runs on
    if (cur.text && /[。；！？：:）〕\n]$|^[^，,]{0,40}$/.test(tail.slice(tail.lastIndexOf("\n") + 1))) {
      cur.text += "\n";
      tail = (tail + "\n").slice(-41);
    }
    cur.blocks.push(b);
    if (t) { cur.runAt.push(cur.text.length); cur.runSrc.push(b.start); }
    cur.text += t;
    tail = (tail + t.slice(-41)).slice(-41);
  }
  return items;
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
