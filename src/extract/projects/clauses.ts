import { sentenceClauses } from "../../structure/clauses.js";
import type { Block, Doc, Sentence } from "../../structure/types.js";
import { LIST_KINDS, markerAt, markerLength } from "../../shared/markers.js";
import { DocHeads } from "./heads.js";

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
  /**
   * Indices into `clauses` of those holding a head noun, in order: only they can name a work. Half the
   * clauses of a sentence naming one hold none (9.9k of 19.9k over 3.2 MB), and each went through the
   * skip words, the key-project words and headRuns' search to find nothing. (The other clauses stay in
   * `clauses`: a list carried on over them is read there.)
   */
  named: readonly number[];
  /**
   * Per named clause, the index in `heads` of its first head, or -2 when a head of the document's
   * search crosses the clause's ends (DocHeads.firstIn): the clause is then searched on its own.
   */
  firstHead: readonly number[];
  /** the document's head nouns (one object for all its sentences) */
  heads: DocHeads;
}

/**
 * The clauses of every sentence of a document that holds a head noun (a name ends in one: a sentence
 * without any names no work); a box item heading becomes one clause without its marker.
 * A sentence's clauses are structure's own array, not copied clause by clause (56k clause objects a pass
 * over 3.2 MB were made only to carry two flags that are the sentence's).
 */
export function clausesOf(doc: Doc): SentenceClauses[] {
  const text = doc.source.text;
  const out: SentenceClauses[] = [];
  const heads = new DocHeads(text, doc.start, doc.end);
  // whether the block of the last sentence read is a heading line standing alone (no 。 or ；): the sentences of
  // a block come together, and a heading block's whole text was searched once per sentence of it
  let titleBlock: Block | null = null, title = false;
  // the sentences whose block no head overlaps (most of a plan) are passed by DocHeads.nextOverlapping, and a
  // read sentence's clauses are asked by DocHeads.namedIn: small functions of their own. With those loops here
  // (a turn per sentence of the document, and per clause of a sentence read), V8 optimized clausesOf within the
  // first pass of the seeds, its inner loops peeled and holds, named and sentenceClauses inlined, a compilation
  // of ~50M instructions (of ~490M for the pass); the small loops alone compile small
  const sentences = doc.sentences;
  for (let si = heads.nextOverlapping(sentences, 0); si < sentences.length; si = heads.nextOverlapping(sentences, si + 1)) {
    const s = sentences[si]!;
    const b = s.block;
    if (b !== titleBlock) { titleBlock = b; title = !!b.heading && !/[。；]/.test(b.text); }
    // (the sentences read go to functions of their own, for the same reason)
    const read = title ? headingClauses(text, b, si, heads) : namedClauses(text, s, si, heads);
    if (read) out.push(read);
  }
  return out;
}

/** A heading line standing alone: a box item's heading naming a work as its one clause, or null (a title names none). */
function headingClauses(text: string, b: Block, si: number, heads: DocHeads): SentenceClauses | null {
  // an article heading (第17条 种植基地) titles a rule of a regulation, in a box or not: never a work of its own
  // (its marker is read last: most headings are not box items, and markerAt tries every numbering)
  if (!b.box || b.heading!.box || markerAt(b.heading!.marker)?.kind === "article") return null;
  // a box item heading's list marker (（一）, (二), 1.) is no part of the work
  const start = b.start + markerLength(b.text, LIST_KINDS);
  const k = start < b.end ? heads.named(start, b.end) : -1;
  return k === -1 ? null : { sentence: si, heading: true, clauses: [{ text: text.slice(start, b.end), start }], named: [0], firstHead: [k], heads };
}

/** A sentence's clauses, when one names a work (holds a head). */
function namedClauses(text: string, s: Sentence, si: number, heads: DocHeads): SentenceClauses | null {
  if (!heads.holds(s.start, s.end)) return null;
  const clauses = sentenceClauses(text, s);
  // asked in text order, after the sentence's own start: the head found for the sentence answers its first clauses
  const named: number[] = [], firstHead: number[] = [];
  heads.namedIn(clauses, named, firstHead);
  return named.length ? { sentence: si, heading: false, clauses, named, firstHead, heads } : null;
}
