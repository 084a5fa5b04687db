import { alt, byLength } from "../../shared/lexicon.js";
import { ADVERBS, VERBS } from "./lexicon.js";

/**
 * Verb runs: manner words and verbs governing what follows (积极推进, 加快建设,
 * 高标准建设), the matches of VERB_RUN_SOURCE, found by hand. As a regular
 * expression V8 took 31–36 ms to compile it at its first use in every process
 * and worker (the bounded optional adverbs before the 160-verb alternation:
 * with `*` instead of {0,3} it compiles in 2.5 ms, but matches other runs).
 * This matcher takes the regex's own backtracking order: test/extract/projects/
 * verb-run.test.ts compares the two over the seeds and the test corpus.
 */
export const VERB_RUN_SOURCE = `(?:(?:${alt(ADVERBS)}){0,3}(?:${alt(VERBS)}))+`;

/** words by their first code unit, longest first: the order the alternation tries them in */
function byFirst(words: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of byLength(words)) {
    const c = w.charCodeAt(0);
    const list = out.get(c);
    if (list) list.push(w); else out.set(c, [w]);
  }
  return out;
}
const ADVERB_AT = byFirst(ADVERBS);
const VERB_AT = byFirst(VERBS);
const MAX_ADVERBS = 3;

/**
 * End of one unit (up to three adverbs, then a verb) at `pos`, or -1: adverbs tried
 * first, longest first, each followed by the rest of the unit, before a verb alone,
 * as the regex backtracks. The depth is at most MAX_ADVERBS.
 */
function unitEnd(s: string, pos: number, adverbs: number): number {
  // indexed loops: most of this runs interpreted, where a for-of steps an iterator
  if (adverbs < MAX_ADVERBS) {
    const as = ADVERB_AT.get(s.charCodeAt(pos));
    if (as) for (let k = 0; k < as.length; k++) {
      if (!s.startsWith(as[k]!, pos)) continue;
      const end = unitEnd(s, pos + as[k]!.length, adverbs + 1);
      if (end >= 0) return end;
    }
  }
  const vs = VERB_AT.get(s.charCodeAt(pos));
  if (vs) for (let k = 0; k < vs.length; k++) if (s.startsWith(vs[k]!, pos)) return pos + vs[k]!.length;
  return -1;
}

/** End of the run of units starting at `pos` (`pos` itself when none starts there): the regex's greedy `+`. */
function runEnd(s: string, pos: number): number {
  let end = pos;
  for (let next = unitEnd(s, end, 0); next >= 0; next = unitEnd(s, end, 0)) end = next;
  return end;
}

/**
 * The code units an adverb or a verb opens with, searched from a lastIndex: the positions where no run can
 * start are passed natively, not by two map lookups a character (verbRunAt reads whole segments before
 * their heads, mostly interpreted: few of them run often enough to be compiled).
 */
const RUN_FIRST = (() => {
  let units = "";
  const add = (_: string[], c: number) => { units += `\\u${c.toString(16).padStart(4, "0")}`; };
  ADVERB_AT.forEach(add);
  VERB_AT.forEach(add);
  return new RegExp(`[${units}]`, "g");
})();

/** The first verb run at or after `from`, as a global exec from lastIndex `from` finds it, or null. */
export function verbRunAt(s: string, from: number): { index: number; text: string } | null {
  for (let i = from; i < s.length; i++) {
    RUN_FIRST.lastIndex = i;
    if (!RUN_FIRST.test(s)) return null;
    i = RUN_FIRST.lastIndex - 1;
    const end = runEnd(s, i);
    if (end > i) return { index: i, text: s.slice(i, end) };
  }
  return null;
}

/** The verb run opening `s`, or null. */
export function verbRunOpening(s: string): string | null {
  const end = runEnd(s, 0);
  return end > 0 ? s.slice(0, end) : null;
}
