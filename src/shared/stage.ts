import stages from "../data/stages.json" with { type: "json" };

/**
 * Stage of a commitment from the verbs that govern it. One table
 * (data/stages.json), one function, shared by projects, railways and highways.
 */
export type Stage = "completed" | "start" | "building" | "preparation" | "other";

const VERBS = (stages.verbs as Array<[string, Stage]>).slice().sort((a, b) => b[0].length - a[0].length);
const WRAPPERS = stages.wrappers as Array<[string, Stage]>;
const VERB_RE = new RegExp(VERBS.map(([v]) => v).join("|"), "g");

export interface VerbHit { start: number; end: number; verb: string; stage: Stage }

/** All stage verbs in a clause, left to right (longest verb at each position). */
export function stageVerbs(text: string): VerbHit[] {
  const out: VerbHit[] = [];
  VERB_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VERB_RE.exec(text))) {
    out.push({ start: m.index, end: m.index + m[0].length, verb: m[0], stage: stageOfVerb(m[0]) });
  }
  return out;
}

/**
 * Each verb's stage, the first entry of VERBS for it winning as a find in VERBS would: a lookup, not a
 * scan of the table with a destructured pair per entry for every verb found (mostly interpreted code).
 */
const STAGE_OF = new Map<string, Stage>();
for (let i = 0; i < VERBS.length; i++) if (!STAGE_OF.has(VERBS[i]![0])) STAGE_OF.set(VERBS[i]![0], VERBS[i]![1]);

export function stageOfVerb(verb: string): Stage {
  return STAGE_OF.get(verb) ?? "other";
}

/**
 * Stage of an item at `offset` in a clause: the nearest verb before it
 * governs it ("建成 A、B。开工建设 C" → A, B completed); a wrapper after the
 * items ("积极推进 A、B 前期工作") re-stages the whole list; 争取…开工 is start.
 */
export function stageAt(clause: string, offset: number, itemEnd = offset): Stage {
  const after = clause.slice(itemEnd);
  for (const [w, s] of WRAPPERS) {
    if (s === "preparation" && after.includes(w)) return s;
  }
  const verbs = stageVerbs(clause.slice(0, offset));
  const last = verbs[verbs.length - 1];
  if (!last) {
    for (const [w, s] of WRAPPERS) if (after.startsWith(w) || after.startsWith(`项目${w}`)) return s;
    return "other";
  }
  return last.stage;
}

const WEAK = new Set(stages.weak as string[]);
const BREAKERS = stages.wrapperBreakers as string[];

/**
 * Stage of a list of items from the words that govern it: `govern` is the
 * text before the first item (from the clause start), `tail` the text after
 * the last item up to the clause end. Returns null when neither names a
 * stage verb (the caller decides what a verb-less item is).
 *
 * - a preparation wrapper after the items re-stages the list (积极推进 … 前期工作);
 * - a preparation or other verb before the items dominates its cluster
 *   (研究推进 → preparation, 配合国家建设 → other);
 * - otherwise the last start/completion verb before the items wins (建成, 开工建设);
 * - weak verbs (推进, 推动, 建设 …) yield to a start, completion or preparation verb after the items
 *   (推动 … 开工 → start, 推进 … 规划建设 → preparation); with no verb before, the last verb after decides
 *   (争取 … 开工 → start, 加快 … 建设 → building, 利用 … 开行 → other).
 */
export function governedStage(govern: string, tail: string): Stage | null {
  for (const [w, s] of WRAPPERS) {
    const i = s === "preparation" ? tail.indexOf(w) : -1;
    // the wrapper closes this list only when nothing between starts another object (建成A，并开展B前期工作)
    // (a building verb between is the work the preparation is for: 升级改造可行性研究)
    const between = i >= 0 ? tail.slice(0, i) : "";
    if (i >= 0 && stageVerbs(between).every((v) => v.stage === "building") && !BREAKERS.some((b) => between.includes(b))) return s;
  }
  const gv = stageVerbs(govern);
  const tv = stageVerbs(tail);
  const lastTail = tv[tv.length - 1];
  if (gv.length) {
    const dominant = gv.find((v) => v.stage === "preparation" || v.stage === "other");
    if (dominant) return dominant.stage;
    const strong = gv.filter((v) => v.stage === "completed" || v.stage === "start");
    if (strong.length) return strong[strong.length - 1]!.stage;
    const allWeak = gv.every((v) => WEAK.has(v.verb) || v.stage === "building");
    if (allWeak && lastTail && lastTail.stage !== "building" && lastTail.stage !== "other") return lastTail.stage;
    return gv[gv.length - 1]!.stage;
  }
  return lastTail ? lastTail.stage : null;
}
