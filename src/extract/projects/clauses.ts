import { sentenceClauses } from "../../structure/clauses.js";
import type { Doc } from "../../structure/types.js";
import { LIST_KINDS, markerAt, markerLength } from "../../shared/markers.js";

/** A clause of structure/clauses.ts, as projects read it: a box item heading counts as one. */
export interface Clause {
  text: string;
  start: number;
  /** the clause is a 专栏 item heading standing alone (（二）开展江河绿色生态廊道建设) */
  heading: boolean;
  /** index of the sentence it came from, to relate clauses of one sentence */
  sentence: number;
}


/** Split every sentence of a document into clauses; a box item heading becomes one clause without its marker. */
export function clausesOf(doc: Doc): Clause[] {
  const text = doc.source.text;
  const out: Clause[] = [];
  doc.sentences.forEach((s, si) => {
    const b = s.block;
    // an article heading (第17条 种植基地) titles a rule of a regulation, in a box or not: never a work of its own
    const article = !!b.heading && markerAt(b.heading.marker)?.kind === "article";
    if (b.heading && b.box && !b.heading.box && !article && !/[。；]/.test(b.text)) {
      // a box item heading's list marker (（一）, (二), 1.) is no part of the work
      const start = b.start + markerLength(b.text, LIST_KINDS);
      if (start < b.end) out.push({ text: text.slice(start, b.end), start, heading: true, sentence: si });
      return;
    }
    if (b.heading && !/[。；]/.test(b.text)) return; // a heading line is a title, not a commitment
    for (const c of sentenceClauses(text, s)) out.push({ text: c.text, start: c.start, heading: false, sentence: si });
  });
  return out;
}
