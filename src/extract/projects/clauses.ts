import { sentenceClauses } from "../../structure/clauses.js";
import type { Doc } from "../../structure/types.js";
import { LIST_KINDS, markerAt, markerLength } from "../../shared/markers.js";

/** A clause of structure/clauses.ts, as projects read it: its text and its offset in the source. */
export interface Clause {
  text: string;
  start: number;
}

/** The clauses of one sentence, in order (relating clauses of one sentence needs no sentence index on each). */
export interface SentenceClauses {
  /** index of the sentence in doc.sentences */
  sentence: number;
  /** the sentence is a 专栏 item heading standing alone (（二）开展江河绿色生态廊道建设): its one clause names the item */
  heading: boolean;
  /** shared with structure/clauses.ts when not a heading: read, never change */
  clauses: readonly Clause[];
}

/**
 * The clauses of every sentence of a document; a box item heading becomes one clause without its marker.
 * A sentence's clauses are structure's own array, not copied clause by clause (56k clause objects a pass
 * over 3.2 MB were made only to carry two flags that are the sentence's).
 */
export function clausesOf(doc: Doc): SentenceClauses[] {
  const text = doc.source.text;
  const out: SentenceClauses[] = [];
  doc.sentences.forEach((s, si) => {
    const b = s.block;
    // an article heading (第17条 种植基地) titles a rule of a regulation, in a box or not: never a work of its own
    const article = !!b.heading && markerAt(b.heading.marker)?.kind === "article";
    if (b.heading && b.box && !b.heading.box && !article && !/[。；]/.test(b.text)) {
      // a box item heading's list marker (（一）, (二), 1.) is no part of the work
      const start = b.start + markerLength(b.text, LIST_KINDS);
      if (start < b.end) out.push({ sentence: si, heading: true, clauses: [{ text: text.slice(start, b.end), start }] });
      return;
    }
    if (b.heading && !/[。；]/.test(b.text)) return; // a heading line is a title, not a commitment
    const clauses = sentenceClauses(text, s);
    if (clauses.length) out.push({ sentence: si, heading: false, clauses });
  });
  return out;
}
