import { sentenceClauses } from "../../structure/clauses.js";
import type { Block, Doc } from "../../structure/types.js";
import { LIST_KINDS, markerAt, markerLength } from "../../shared/markers.js";
import { HEAD_RE } from "./lexicon.js";
import { placesAhead } from "../../shared/ahead.js";

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
  const heads = new HeadFinder(text, doc.start, doc.end);
  // whether the block of the last sentence read is a heading line standing alone (no 。 or ；): the sentences of
  // a block come together, and a heading block's whole text was searched once per sentence of it
  let titleBlock: Block | null = null, title = false;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const b = s.block;
    if (b !== titleBlock) { titleBlock = b; title = !!b.heading && !/[。；]/.test(b.text); }
    // an article heading (第17条 种植基地) titles a rule of a regulation, in a box or not: never a work of its own
    // (its marker is read last: most headings are not box items, and markerAt tries every numbering)
    if (title && b.box && !b.heading!.box && markerAt(b.heading!.marker)?.kind !== "article") {
      // a box item heading's list marker (（一）, (二), 1.) is no part of the work
      const start = b.start + markerLength(b.text, LIST_KINDS);
      if (start < b.end && heads.holds(start, b.end)) out.push({ sentence: si, heading: true, clauses: [{ text: text.slice(start, b.end), start }], named: [0] });
      continue;
    }
    if (title) continue; // a heading line is a title, not a commitment
    if (!heads.holds(s.start, s.end)) continue;
    const clauses = sentenceClauses(text, s);
    // asked in text order, after the sentence's own start: the head found for the sentence answers its first clauses
    const named: number[] = [];
    for (let ci = 0; ci < clauses.length; ci++) if (heads.holds(clauses[ci]!.start, clauses[ci]!.end)) named.push(ci);
    if (named.length) out.push({ sentence: si, heading: false, clauses, named });
  }
  return out;
}

/** HEAD_RE with a lastIndex of its own, made once: a RegExp made per document cost 5 µs (its source hashed) */
const HEADS_AHEAD = new RegExp(HEAD_RE.source, "g");
/** The first head noun of `body` at or after `from`, or -1. */
function nextHead(body: string, from: number): number {
  HEADS_AHEAD.lastIndex = from;
  return HEADS_AHEAD.exec(body)?.index ?? -1;
}

/**
 * Whether `text[start, end)` holds a head noun, for spans of `text[lo, hi)` asked in text order
 * (shared/ahead.ts): one search for the next head answers every span before it. 72% of the
 * sentences over 3.2 MB hold none, and their clauses were each searched for key-project words and
 * heads, one by one. A span outside `text[lo, hi)` is answered yes: read in full.
 * A method, not a closure made per document: clausesOf's call for a box heading runs rarely, so
 * its feedback still named the first document's closure when clausesOf was optimized, and the next
 * document's threw it back to the interpreter ("wrong call target"); a method is one target.
 */
class HeadFinder {
  private readonly next: (pos: number) => number;
  // the last position asked and the first head at or after it: a span inside [from, at) holds none, and
  // most spans asked (sentences, then their clauses) lie before the next head: two comparisons answer
  private from = 0;
  private at = -1;
  constructor(text: string, lo: number, hi: number) {
    this.next = placesAhead(text, lo, hi, [nextHead]);
  }
  holds(start: number, end: number): boolean {
    if (start >= this.from && end <= this.at) return false;
    this.from = start;
    this.at = this.next(start);
    return this.at < end;
  }
}
