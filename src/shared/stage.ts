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

export function stageOfVerb(verb: string): Stage {
  return VERBS.find(([v]) => v === verb)?.[1] ?? "other";
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
