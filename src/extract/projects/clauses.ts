import type { Doc } from "../../structure/types.js";

/** A clause: a piece of a sentence between commas/colons, with its offset in Source.text. */
export interface Clause {
  text: string;
  start: number;
  /** the clause is a 专栏 item heading standing alone (（二）开展江河绿色生态廊道建设) */
  heading: boolean;
  /** index of the sentence it came from, to relate clauses of one sentence */
  sentence: number;
}

const CLAUSE_END = /[，,：:]/g;
/** list marker of a box item heading: （一）, (二), 1. */
const ARTICLE_MARKER = /^第.{1,6}条$/;
const ITEM_MARKER = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])\s?/;

/** Split every sentence of a document into clauses; a box item heading becomes one clause without its marker. */
export function clausesOf(doc: Doc): Clause[] {
  const text = doc.source.text;
  const out: Clause[] = [];
  doc.sentences.forEach((s, si) => {
    const b = s.block;
    // an article heading (第17条 种植基地) titles a rule of a regulation, in a box or not: never a work of its own
    const article = !!b.heading && ARTICLE_MARKER.test(b.heading.marker);
    if (b.heading && b.box && !b.heading.box && !article && !/[。；]/.test(b.text)) {
      const m = ITEM_MARKER.exec(b.text);
      const start = b.start + (m ? m[0].length : 0);
      if (start < b.end) out.push({ text: text.slice(start, b.end), start, heading: true, sentence: si });
      return;
    }
    if (b.heading && !/[。；]/.test(b.text)) return; // a heading line is a title, not a commitment
    let from = s.start;
    const raw = text.slice(s.start, s.end);
    CLAUSE_END.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CLAUSE_END.exec(raw))) {
      const end = s.start + m.index;
      if (end > from) out.push({ text: text.slice(from, end), start: from, heading: false, sentence: si });
      from = end + 1;
    }
    const end = s.end;
    if (end > from) out.push({ text: text.slice(from, end).replace(/[。！？；!?;]+$/, ""), start: from, heading: false, sentence: si });
  });
  return out;
}
