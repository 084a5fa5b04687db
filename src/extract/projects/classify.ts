import stages from "../../data/stages.json" with { type: "json" };
import { escapeRegExp, firstContained } from "../../shared/lexicon.js";
import { stageVerbs, type Stage } from "../../shared/stage.js";
import { AFTER_STAGES, PLACE_ANY_RE, PLACE_PREFIX_RE, SECTOR_KEYWORDS, SECTOR_PATTERNS, type HeadNoun, type Sector } from "./lexicon.js";

/**
 * Stage of a listed work: a wrapper after the list decides first
 * (…开工建设 → start, …前期工作 → preparation, …规划任务全面完成 → completed);
 * otherwise the first verb of the governing run that is in the stage table
 * (研究推动 → preparation, 积极支持 → other, 加快推进 → building); a bare
 * "…建设" after the list is building; no verb at all is other.
 */
export function projectStage(verbs: string, after: string): Stage {
  // preparation that the text pushes on to a start (…前期工作并力争尽早开工): the furthest stage committed to
  if (PREPARE_THEN_START.test(after)) return "start";
  // an indexed loop, no destructured triple: most calls run interpreted, where each [a, b, c] steps an iterator
  for (let k = 0; k < AFTER_STAGE_TESTS.length; k++) {
    const t = AFTER_STAGE_TESTS[k]!, w = t[0], near = t[2];
    if (near ? near.test(after.slice(0, w.length + 4)) && after.indexOf(w) <= 4 : after.includes(w)) return t[1];
  }
  // 加快 only speeds up the verb after it (加快创建 → 创建); a weak verb (推动, 推进) yields to the
  // stronger verb it drives (推动开工建设 → start)
  const hits = stageVerbs(verbs);
  const first = hits.find((h, i) => (h.verb !== "加快" && !(WEAK_VERBS.has(h.verb) && hits.slice(i + 1).some((o) => !WEAK_VERBS.has(o.verb) && o.stage !== "building"))) || i === hits.length - 1);
  if (first) return first.stage;
  if (/^(?:[\u4e00-\u9fff]{0,2})?建设/.test(after)) return "building";
  return "other";
}

/** AFTER_STAGES with, for a start wrapper, its regex (up to 4 Han characters then the wrapper), made once rather than per candidate */
const AFTER_STAGE_TESTS = AFTER_STAGES.map(([w, s]) => [w, s, s === "start" ? new RegExp(`^(?:[\\u4e00-\\u9fff]{0,4})?${escapeRegExp(w)}`) : null] as const);

const WEAK_VERBS = new Set(stages.weak as string[]);
/** 前期 and then, in the same clause, 力争/争取/确保 … 开工 */
const PREPARE_THEN_START = /^[^，。；,;]{0,30}前期[^，。；,;]{0,12}(?:力争|争取|确保)[^，。；,;]{0,6}开工/;

const SECTOR_WORDS = SECTOR_KEYWORDS.map(([k]) => k);

/** Sector from key words in the name (first match of project-sectors.json), else the head noun's. */
export function projectSector(name: string, head: HeadNoun, listTail = "", box = ""): Sector {
  // a shared class after 等 speaks for names kept as written (…沙漠基地等新能源基地)
  const keyword = (text: string) => { const i = firstContained(text, SECTOR_WORDS); return i < 0 ? null : SECTOR_KEYWORDS[i]![1]; };
  const fromTail = keyword(listTail);
  if (fromTail) return fromTail;
  const fromName = keyword(name);
  if (fromName) return fromName;
  for (let k = 0; k < SECTOR_PATTERNS.length; k++) if (SECTOR_PATTERNS[k]![0].test(name)) return SECTOR_PATTERNS[k]![1];
  if (head.sector === "other") return keyword(box) ?? head.sector;
  return head.sector;
}

/** Place names written in the project name, joined with 、 (null when none). */
export function locationOf(name: string): string | null {
  const found: string[] = [];
  PLACE_ANY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const lead = PLACE_PREFIX_RE.exec(name)?.[0];
  if (lead) found.push(lead);
  while ((m = PLACE_ANY_RE.exec(name))) if (!found.some((f) => f.includes(m![0]))) found.push(m[0]);
  return found.length ? found.join("、") : null;
}

const CAPACITY_RE = /(?:装机(?:容量|规模)?|规模|库容|输送能力|输电能力|年产|产能|总容量)(?:约|达到|为)?\d{1,7}(?:\.\d{1,4})?(?:万|亿)?(?:千瓦|兆瓦|吉瓦|立方米|吨|标准立方米|机架|标准机架|P)/;
/** Capacity stated next to a single work, as written (装机1000万千瓦), else null. */
export function capacityOf(text: string): string | null {
  return CAPACITY_RE.exec(text)?.[0] ?? null;
}
