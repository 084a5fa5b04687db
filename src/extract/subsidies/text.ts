import type { Block, Doc } from "../../structure/types.js";

/**
 * An item of a policy list ("18. 对……给予……（责任单位：……）"): its heading
 * block and the blocks that continue it (a page break or a wrapped line can
 * split one item over several blocks: "按照每单不超过" / "0.3元的标准"). The
 * text is the blocks' texts joined without separators; `map[i]` is the
 * Source.text offset of `text[i]`, so every span found here maps back.
 */
export interface Item {
  text: string;
  map: number[];
  blocks: Block[];
}

export function itemsOf(doc: Doc): Item[] {
  const items: Item[] = [];
  let cur: Item | null = null;
  for (const b of doc.blocks) {
    if (!cur || b.heading) {
      cur = { text: "", map: [], blocks: [] };
      items.push(cur);
    }
    const t = doc.source.text.slice(b.start, b.end);
    // a title line or a finished sentence ends here; a wrapped line ("按照每单不" / "超过0.3元") runs on
    if (cur.text && /[。；！？：:）〕\n]$|^[^，,]{0,40}$/.test(cur.text.slice(-41).split("\n").pop()!)) {
      cur.text += "\n";
      cur.map.push(cur.map[cur.map.length - 1]! + 1);
    }
    cur.blocks.push(b);
    cur.text += t;
    for (let i = 0; i < t.length; i++) cur.map.push(b.start + i);
  }
  return items;
}

/** Source offset of item offset `i` (end offsets map to one past the last character). */
export function srcAt(item: Item, i: number): number {
  if (i <= 0) return item.map[0] ?? 0;
  if (i >= item.text.length) return (item.map[item.text.length - 1] ?? 0) + 1;
  return item.map[i]!;
}

export interface Piece { start: number; end: number; text: string }

/**
 * Periods (split after 。！？) of an item, each with its parts (split after ；).
 * Brackets are not split inside: a 责任单位 clause or a parenthesis holds no
 * sentence end that matters here.
 */
export function periodsOf(text: string): { period: Piece; parts: Piece[] }[] {
  const out: { period: Piece; parts: Piece[] }[] = [];
  let pStart = 0, partStart = 0;
  let parts: Piece[] = [];
  const flushPart = (end: number) => {
    if (end > partStart) parts.push({ start: partStart, end, text: text.slice(partStart, end) });
    partStart = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "；" || c === ";") flushPart(i + 1);
    else if (c === "。" || c === "！" || c === "？" || c === "\n") {
      flushPart(i + 1);
      if (parts.length) out.push({ period: { start: pStart, end: i + 1, text: text.slice(pStart, i + 1) }, parts });
      parts = [];
      pStart = i + 1;
    }
  }
  flushPart(text.length);
  if (parts.length) out.push({ period: { start: pStart, end: text.length, text: text.slice(pStart) }, parts });
  return out;
}

/** Start of the comma clause containing `i` (after the last ，；。 before it, within `from`). */
export function clauseStart(text: string, i: number, from = 0): number {
  for (let k = i - 1; k >= from; k--) if ("，,；;。：:".includes(text[k]!)) return k + 1;
  return from;
}

/** End of the comma clause containing `i`. */
export function clauseEnd(text: string, i: number, to = text.length): number {
  for (let k = i; k < to; k++) if ("，,；;。".includes(text[k]!)) return k;
  return to;
}
