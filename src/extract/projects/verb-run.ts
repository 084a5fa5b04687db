import { alt } from "../../shared/lexicon.js";
import { ADVERBS, VERBS } from "./lexicon.js";

/**
 * Verb runs: manner words and verbs governing what follows (积极推进, 加快建设,
 * 高标准建设), the matches of VERB_RUN_SOURCE, found by hand. As a regular
 * expression V8 took 31–36 ms to compile it at its first use in every process
 * and worker (the bounded optional adverbs before the 160-verb alternation:
 * with `*` instead of {0,3} it compiles in 2.5 ms, but matches other runs;
 * written out as three optional adverbs it costs as much as the hand matcher
 * saves). This matcher takes the regex's own backtracking order:
 * test/extract/projects/verb-run.test.ts compares the two over the seeds and the
 * test corpus.
 */
export const VERB_RUN_SOURCE = `(?:(?:${alt(ADVERBS)}){0,3}(?:${alt(VERBS)}))+`;

/**
 * The adverb and the verb at a position, each the first of its alternation in
 * VERB_RUN_SOURCE's order (longest first): one native match each, where a lookup
 * by first character and a loop over its words was a JS loop that V8 optimized
 * within the first pass, at a cost (its recursion inlined) above all its running.
 * No adverb opens another (the test checks it), so at most one adverb matches at a
 * position, and the regex's backtracking over adverbs is a walk back over them.
 */
const ADVERB_AT = new RegExp(alt(ADVERBS), "y");
const VERB_AT = new RegExp(alt(VERBS), "y");

/**
 * End of the run of units starting at `pos` (`pos` itself when none starts there): the regex's greedy `+`.
 * A unit is up to three adverbs, then a verb: the verb is tried after all the adverbs in a row (at most
 * three), then after one fewer, down to none, as the regex backtracks. Nothing follows the `+`, so a
 * unit failing ends the run.
 */
function runEnd(s: string, pos: number): number {
  for (;;) {
    // ends of the adverbs in a row at pos (-1: none)
    let a1 = -1, a2 = -1, a3 = -1;
    ADVERB_AT.lastIndex = pos;
    if (ADVERB_AT.test(s)) {
      a1 = ADVERB_AT.lastIndex;
      if (ADVERB_AT.test(s)) {
        a2 = ADVERB_AT.lastIndex;
        if (ADVERB_AT.test(s)) a3 = ADVERB_AT.lastIndex;
      }
    }
    let end = -1;
    if (a3 >= 0) end = verbEnd(s, a3);
    if (end < 0 && a2 >= 0) end = verbEnd(s, a2);
    if (end < 0 && a1 >= 0) end = verbEnd(s, a1);
    if (end < 0) end = verbEnd(s, pos);
    if (end < 0) return pos;
    pos = end;
  }
}

/** End of the verb at `pos`, or -1. */
function verbEnd(s: string, pos: number): number {
  VERB_AT.lastIndex = pos;
  return VERB_AT.test(s) ? VERB_AT.lastIndex : -1;
}

/**
 * The code units an adverb or a verb opens with, searched from a lastIndex: the positions where no run can
 * start are passed natively (verbRunAt reads whole segments before their heads).
 */
const RUN_FIRST = (() => {
  const units = new Set<number>();
  for (const w of ADVERBS) units.add(w.charCodeAt(0));
  for (const w of VERBS) units.add(w.charCodeAt(0));
  let cls = "";
  units.forEach((c) => { cls += `\\u${c.toString(16).padStart(4, "0")}`; });
  return new RegExp(`[${cls}]`, "g");
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
