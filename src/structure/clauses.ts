import { charClass, nextOf } from "../shared/char-class.js";
import type { Span } from "../shared/span.js";
import type { Sentence } from "./types.js";

/**
 * Clauses: the pieces of a sentence between ，and ：, the unit in which a verb
 * governs its objects and a value meets its indicator. One splitter for every
 * extractor (targets, projects); periods and parts (`periodsOf`) of a policy
 * item's text, which runs over wrapped lines; subsidies read clauses around a position
 * through `clauseStart`/`clauseEnd`, whose boundaries add ；。 and a line break
 * because an item's text there spans several sentences. All offsets are into
 * the text given (Source.text for sentences), so provenance is kept.
 */
export interface Clause extends Span {
  text: string;
}

/** where a clause ends inside a sentence, searched from a lastIndex */
const CLAUSE_MARK_ANY = /[，,：:；;。！？!?]/g;

/**
 * The clauses of `text[s.start, s.end)`, without their punctuation; empty ones are
 * skipped. One pass, made once per sentence: every extractor that reads a sentence's
 * clauses (targets, qualitative targets, projects) gets the same array, kept on the
 * sentence itself (its `clauses` slot, made undefined with it, so every sentence has
 * one shape) and read from its own text. Kept in a WeakMap by sentence, each was a
 * lookup, an entry and an object to hold it, and a copy of the sentence's text.
 * Any other span (a test's) is read from `text` each time.
 */
/** (The array is shared: read it, never change it.) */
export function sentenceClauses(text: string, s: Span | Sentence): readonly Clause[] {
  if (!("block" in s)) return clausesIn(text.slice(s.start, s.end), s.start);
  return (s.clauses ??= clausesIn(s.text, s.start));
}

/** The clauses of `body`, a text starting at offset `start`. */
function clausesIn(body: string, start: number): Clause[] {
  const out: Clause[] = [];
  // the marks are found by a native search, not a test per character (mostly interpreted: few
  // sentences are read often enough for this loop to be compiled), in the sentence only: a search
  // of the whole text would run on past a sentence without marks to the next one
  let a = 0;
  CLAUSE_MARK_ANY.lastIndex = 0;
  for (;;) {
    const m = CLAUSE_MARK_ANY.exec(body);
    const i = m ? m.index : body.length;
    if (i > a) out.push({ start: start + a, end: start + i, text: body.slice(a, i) });
    if (!m) break;
    a = i + 1;
  }
  return out;
}

/** A period (a sentence of an item's text) or a part of one (up to ；), with offsets in that text. */
export interface Piece { start: number; end: number; text: string }

/**
 * Periods (split after 。！？) of an item, each with its parts (split after ；).
 * Brackets are not split inside: a 责任单位 clause or a parenthesis holds no
 * sentence end that matters here.
 */
const PART_END = charClass("；;");
/** a part's end or a period's (。！？ and a line break): global, every match one character */
const PIECE_END = /[；;。！？\n]/g;
export function periodsOf(text: string): { period: Piece; parts: Piece[] }[] {
  const out: { period: Piece; parts: Piece[] }[] = [];
  let pStart = 0, partStart = 0;
  let parts: Piece[] = [];
  const flushPart = (end: number) => {
    // a line break right after 。 would make an empty sentence: skip it so "the sentence before" stays the real one
    if (end > partStart && /\S/.test(text.slice(partStart, Math.min(end, partStart + 2)) + text.slice(Math.max(partStart, end - 2), end)))
      parts.push({ start: partStart, end, text: text.slice(partStart, end) });
    partStart = end;
  };
  // the ends found by a native search, not a test per character (this runs mostly interpreted)
  for (let i = nextOf(PIECE_END, text, 0); i >= 0; i = nextOf(PIECE_END, text, i + 1)) {
    flushPart(i + 1);
    if (PART_END.has(text.charCodeAt(i))) continue;
    if (parts.length) out.push({ period: { start: pStart, end: i + 1, text: text.slice(pStart, i + 1) }, parts });
    parts = [];
    pStart = i + 1;
  }
  flushPart(text.length);
  if (parts.length) out.push({ period: { start: pStart, end: text.length, text: text.slice(pStart) }, parts });
  return out;
}

/**
 * No clause of policy text runs longer than this; the bound keeps every
 * clause lookup constant-time on hostile input (a 10 MB line without commas).
 */
export const MAX_CLAUSE = 400;

/** a clause starts after these (an item's 标题： opens one) … (searches: global, every match one character) */
const START_ANY = /[，,；;。：:\n]/g;
/** … and ends before these (a ： inside a clause introduces its object) */
const END_ANY = /[，,；;。\n]/g;

/** Clause boundaries of one text, computed once: last start boundary before i, first end boundary at or after i. */
interface Bounds { text: string; prevStart: Int32Array; nextEnd: Int32Array }
/**
 * The item text and the texts of its parts are read in turn (amounts read a part,
 * records the item): a table rebuilt on every switch is quadratic on a long item.
 * Long texts (an item) and short ones (its parts, clauses) keep separate slots, each
 * least-recently-used first, so the many short texts never push the item's table out.
 */
const LONG = 2048;
const caches: [Bounds[], Bounds[]] = [[], []];
const CACHE_SLOTS = 8;
/**
 * `n` is text.length, read by the caller: V8 gives every `.length` read of a variable in a function one
 * feedback slot, so text.length here shared cache.length's, and with an array's map beside the strings'
 * the compiled code checked each string's map and deoptimized ("wrong map") at a string of another
 * representation (a slice where it had met flat strings).
 */
function boundsOf(text: string, n: number): Bounds {
  const cache = caches[n >= LONG ? 1 : 0];
  for (let k = 0; k < cache.length; k++) {
    const c = cache[k]!;
    if (c.text.length !== n || c.text !== text) continue;
    if (k) { cache.splice(k, 1); cache.unshift(c); }
    return c;
  }
  const b = tableOf(text);
  cache.unshift(b);
  if (cache.length > CACHE_SLOTS) cache.pop();
  return b;
}

/**
 * The table of a text not in the cache. Apart from boundsOf: every clause lookup runs boundsOf, and with
 * these loops inside it was the one function of a cold subsidies pass that V8 optimized, at about a tenth
 * of that pass's instructions (seeds) for a lookup that mostly finds the first slot.
 */
function tableOf(text: string): Bounds {
  const n = text.length;
  const prevStart = new Int32Array(n + 1), nextEnd = new Int32Array(n + 1);
  // filled from boundary to boundary, the boundaries found by native searches: a test per character ran
  // mostly interpreted (a table per item of a plan, built once)
  let from = 0;
  for (let last = -1, at = nextOf(START_ANY, text, 0); ; at = nextOf(START_ANY, text, from)) {
    if (at < 0) { prevStart.fill(last, from); break; }
    prevStart.fill(last, from, at + 1);
    last = at; from = at + 1;
  }
  from = 0;
  for (let at = nextOf(END_ANY, text, 0); ; at = nextOf(END_ANY, text, from)) {
    if (at < 0) { nextEnd.fill(n, from); break; }
    nextEnd.fill(at, from, at + 1);
    from = at + 1;
  }
  return { text, prevStart, nextEnd };
}

/** Start of the comma clause containing `i` (after the last ，；。 before it, within `from`). */
export function clauseStart(text: string, i: number, from = 0): number {
  const n = text.length;
  const b = boundsOf(text, n).prevStart[Math.min(Math.max(i, 0), n)]!;
  return Math.max(from, i - MAX_CLAUSE, b + 1);
}

/** End of the comma clause containing `i`. */
export function clauseEnd(text: string, i: number, to = text.length): number {
  const n = text.length;
  const b = boundsOf(text, n).nextEnd[Math.min(Math.max(i, 0), n)]!;
  return Math.min(to, i + MAX_CLAUSE, b);
}
