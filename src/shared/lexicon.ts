import { charClass, type CharClass } from "./char-class.js";

/**
 * Word lists as regular expressions: every phrase table (targets, projects,
 * subsidies, transport, review headings) is compiled through these, once, when
 * its module loads. Longest first, so an alternation or a first-hit scan takes
 * 最高不超过 before 最高 and 及以上 before 以上.
 */

/** `s` as a literal inside a regular expression */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** a copy of `words`, longest first */
export function byLength<T extends string>(words: readonly T[]): T[] {
  return words.slice().sort((a, b) => b.length - a.length);
}

/** `a|b|c` of the words as literals, longest first (wrap it in a group where it is part of more) */
export function alt(words: readonly string[]): string {
  return byLength(words).map(escapeRegExp).join("|");
}

/**
 * A test whether `text` holds any of `words`: one regular expression (compiled to
 * native code, it skips ahead on the words' first characters) made once per list,
 * instead of a scan of the text per word. Most clauses hold none of a list's words,
 * and there one test answers; a first-hit-in-list-order lookup runs only after it.
 */
const anyOf = new WeakMap<readonly string[], RegExp>();
export function holdsAny(text: string, words: readonly string[]): boolean {
  let re = anyOf.get(words);
  if (!re) anyOf.set(words, (re = words.length ? new RegExp(alt(words)) : /(?!)/));
  return re.test(text);
}

/*
 * endsWithAny and startsWithAny run on every clause and value (targets), and as gates before large
 * patterns (subsidies: a pattern never run is never compiled): indexed loops of native tests, since a
 * for-of makes an iterator per call and most of a build runs them interpreted.
 */

/**
 * A list's words by the code unit they end (endsWithAny) or start (startsWithAny) with, in list order, made
 * once per list (the lists are module constants): a text is compared only with the words sharing its last
 * (first) character, and most texts (the words before a value, a lead-in, a year's neighbours) share it
 * with none, answered by one lookup instead of a native test per word (20 to 40 a list, and stripLead
 * asks its lead-ins up to six times a value). The first hit among the candidates is the first in the
 * list, since no other word can match. A list holding the empty word, which every text starts and ends
 * with, has no index (null): all its words are tried in order.
 */
type ByUnit = Map<number, string[]> | null;
const byLastUnit = new WeakMap<readonly string[], ByUnit>(), byFirstUnit = new WeakMap<readonly string[], ByUnit>();
function unitIndex(words: readonly string[], last: boolean): ByUnit {
  const made = last ? byLastUnit : byFirstUnit;
  let index = made.get(words);
  if (index !== undefined) return index;
  index = words.some((w) => !w) ? null : new Map<number, string[]>();
  for (let i = 0; index && i < words.length; i++) {
    const w = words[i]!, k = w.charCodeAt(last ? w.length - 1 : 0);
    const list = index.get(k);
    if (list) list.push(w);
    else index.set(k, [w]);
  }
  made.set(words, index);
  return index;
}

/**
 * The characters the words of a list start (wordStarts) or end (wordEnds) with, as a class made once at
 * load from the same index: a caller that would cut or trim a text to call startsWithAny/endsWithAny asks
 * it of the one character it would compare first, and most texts (a value's next characters, the words
 * before it) fail there, without a substring or a call (read for every value of the targets pass). A list
 * holding the empty word, which every text starts and ends with, gives a class holding everything.
 */
export function wordStarts(words: readonly string[]): CharClass {
  return classOfIndex(unitIndex(words, false));
}
export function wordEnds(words: readonly string[]): CharClass {
  return classOfIndex(unitIndex(words, true));
}
function classOfIndex(index: ByUnit): CharClass {
  if (index === null) return ANY_CHARACTER;
  let chars = "";
  index.forEach((_, k) => { chars += String.fromCharCode(k); });
  return charClass(chars);
}
const ANY_CHARACTER: CharClass = { has: () => true };

/*
 * The character a text is looked up by is read in place (-1 for an empty text, which no index holds),
 * not by codeAt: that call, made for every text, was optimized in a cold subsidies pass.
 */

/** First word of `words` that `text` ends with, or null. */
export function endsWithAny(text: string, words: readonly string[]): string | null {
  const index = unitIndex(words, true);
  const candidates = index === null ? words : index.get(text.length ? text.charCodeAt(text.length - 1) : -1);
  if (candidates === undefined) return null;
  for (let k = 0; k < candidates.length; k++) if (text.endsWith(candidates[k]!)) return candidates[k]!;
  return null;
}

/** First word of `words` that `text` starts with, or null. */
export function startsWithAny(text: string, words: readonly string[]): string | null {
  const index = unitIndex(words, false);
  const candidates = index === null ? words : index.get(text.length ? text.charCodeAt(0) : -1);
  if (candidates === undefined) return null;
  for (let k = 0; k < candidates.length; k++) if (text.startsWith(candidates[k]!)) return candidates[k]!;
  return null;
}

/**
 * Which of `words` `text` contains first in list order: the index that
 * `words.findIndex((w) => text.includes(w))` gives (-1 for none), found in one
 * pass over the text. Each position looks up only the words that start with
 * its character, so a list of hundreds costs about as much as one of a few.
 */
const byFirstChar = new WeakMap<readonly string[], { index: Map<number, Array<{ w: string; i: number }>>; empty: number }>();
export function firstContained(text: string, words: readonly string[]): number {
  let table = byFirstChar.get(words);
  if (!table) {
    const index = new Map<number, Array<{ w: string; i: number }>>();
    let empty = -1;
    words.forEach((w, i) => {
      if (!w) { if (empty < 0) empty = i; return; }
      const list = index.get(w.charCodeAt(0));
      if (list) list.push({ w, i });
      else index.set(w.charCodeAt(0), [{ w, i }]);
    });
    byFirstChar.set(words, (table = { index, empty }));
  }
  // an empty word is in every text: only earlier words can beat it
  let best = table.empty < 0 ? words.length : table.empty;
  for (let at = 0; at < text.length && best > 0; at++) {
    const candidates = table.index.get(text.charCodeAt(at));
    if (!candidates) continue;
    // an indexed loop over objects: a for-of destructuring pairs steps two iterators a word, and this loop
    // runs interpreted at first; its bytecode got it optimized within the first pass of projects (705 calls)
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      if (c.i < best && text.startsWith(c.w, at)) best = c.i;
    }
  }
  return best < words.length ? best : -1;
}
