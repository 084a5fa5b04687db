import { indices } from "./arrays.js";
import { governedStage, type Stage } from "./stage.js";
import type { Span } from "./span.js";

/**
 * List sentences: "建成 A、B、C，新建 D。积极推进 E、F 前期工作". Items found by a
 * type-specific grammar (line names, project names) are grouped into runs —
 * items joined only by list joiners (、 和 及 与) — and each run gets the words
 * that govern it: the text before it back to the clause start (or the previous
 * run) and the text after it up to the clause end (or the next run). The stage
 * verb table (stage.ts) turns those into a stage shared by every item of the run.
 */

/** Between two items of one list. */
const JOINER = /^(?:、|和|及|以及|与|或|，?以及)$/;
/** Clause boundaries inside a sentence: a verb does not govern across them. */
/** (not the colon: "建成：A；B" — the verb before a colon governs the list after it) */
const CLAUSE_END = /[，,。；;！？!?]/;

export interface ItemRun {
  /** indices into the items passed to listRuns, in text order */
  items: number[];
  /** text before the run back to the clause start or the previous run */
  govern: Span;
  /** text after the run up to the clause end or the next run */
  tail: Span;
  /** stage from govern + tail; null when no stage verb governs the run */
  stage: Stage | null;
  /** true when the stage was carried from the previous run of the sentence (a verb-less clause of bare items) */
  inherited: boolean;
}

function clauseStartBefore(text: string, pos: number, floor: number): number {
  for (let i = pos - 1; i >= floor; i--) if (CLAUSE_END.test(text[i]!)) return i + 1;
  return floor;
}

function clauseEndAfter(text: string, pos: number, ceil: number): number {
  for (let i = pos; i < ceil; i++) if (CLAUSE_END.test(text[i]!)) return i;
  return ceil;
}

/**
 * Group items (sorted, non-overlapping spans into `text`) into runs and stage
 * each run. A clause holding only bare items (nothing before or after them)
 * carries the stage of the run before it in the same sentence: "建成 A、B，C" —
 * C is completed too; so does a verb-less run in the same clause as the run
 * before it (text the item grammar did not take may separate them).
 */
export function listRuns(text: string, items: readonly Span[]): ItemRun[] {
  // packed indices (shared/arrays.ts): the sort on a holey items.map deoptimized listRuns
  const order = indices(items.length).sort((a, b) => items[a]!.start - items[b]!.start);
  const groups: number[][] = [];
  for (const i of order) {
    const g = groups[groups.length - 1];
    if (g) {
      const prev = items[g[g.length - 1]!]!;
      const gap = text.slice(prev.end, items[i]!.start).trim();
      if (gap === "" || JOINER.test(gap)) { g.push(i); continue; }
    }
    groups.push([i]);
  }
  const runs: ItemRun[] = [];
  let prevEnd = 0;
  groups.forEach((g, k) => {
    const first = items[g[0]!]!, last = items[g[g.length - 1]!]!;
    const nextStart = k + 1 < groups.length ? items[groups[k + 1]![0]!]!.start : text.length;
    const gs = clauseStartBefore(text, first.start, prevEnd);
    const te = clauseEndAfter(text, last.end, nextStart);
    const govern = { start: gs, end: first.start };
    const tail = { start: last.end, end: te };
    let stage = governedStage(text.slice(govern.start, govern.end), text.slice(tail.start, tail.end));
    let inherited = false;
    const bare = !text.slice(govern.start, govern.end).replace(/^(?:、|和|及|以及|与)/, "").trim()
      && !text.slice(tail.start, tail.end).replace(/^(?:等)/, "").trim();
    const before = runs[runs.length - 1];
    // no verb of its own: a run in the same clause as the run before it (A 银巴支线、B), or a clause of bare items, shares its verb
    const sameClause = before !== undefined && gs === prevEnd;
    if (stage === null && (bare || sameClause) && before && before.stage !== null) { stage = before.stage; inherited = true; }
    runs.push({ items: g, govern, tail, stage, inherited });
    prevEnd = last.end;
  });
  return runs;
}
