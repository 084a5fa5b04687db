import { holdsAny } from "../shared/lexicon.js";
import { fixOcrDashes } from "../shared/places.js";
import type { Block, Doc } from "../structure/types.js";
import { clausesOf, type Clause } from "./projects/clauses.js";
import { capacityOf, locationOf, projectSector, projectStage } from "./projects/classify.js";
import { exclusionOf, hasPlace, type Exclusion } from "./projects/filters.js";
import { FUNDING_WORDS, HARD_VERB_IN_NAME, HEAD_AT_END, HEAD_BY_NAME, NAME_PREFIX_STRIP, PLACE_PREFIX_RE, SKIP_CLAUSE } from "./projects/lexicon.js";
import { verbRunOpening } from "./projects/verb-run.js";
import { isPlace, namesInClause } from "./projects/names.js";
import { blockAt, type Draft, type Extractor } from "./record.js";
import { ARTICLE_KINDS, CN_PAREN, LIST_KINDS, mayOpenMarker, stripMarker } from "../shared/markers.js";

/**
 * Projects: named physical works a document commits to (CONTRACT.md
 * projects). Candidates come from head nouns (projects/names.ts), lists
 * are distributed, exclusions (projects/filters.ts) drop programmes,
 * designations, categories and works not built; stage and sector come
 * from the governing verbs and the name (projects/classify.ts).
 */
export const extractProjects: Extractor<"projects"> = (doc) => projectCandidates(doc, false).filter((c) => !c.why).map((c) => c.draft);

/** Why a candidate was dropped: an exclusion of projects/filters.ts, or a rule of this file. */
export type DropReason = Exclusion | "no-commitment" | "pays-money" | "category-heading";

/**
 * Every candidate name with the reason it was dropped (null when kept), in
 * document order: the trace that explains a miss or a surprising record.
 * With `withDropped` false the candidates an exclusion drops are not kept:
 * extraction needs only the rest, and a long text can name a million
 * excluded candidates (推进重点项目建设… over and over) that would all be held at once.
 */
export function projectCandidates(doc: Doc, withDropped = true): Array<{ draft: Draft<"projects">; why: DropReason | null }> {
  const drafts: Array<Draft<"projects"> & { block: Block; heading: boolean; why: DropReason | null }> = [];
  const sentences = clausesOf(doc);
  // a sentence paying money (…各1亿元经费, 一次性奖补50万元) is a subsidy, not a commitment to build;
  // read once per sentence, not once per clause (a sentence may hold 100 000 clauses)
  const pays = new Map<number, boolean>();
  const paysMoney = (si: number) => {
    let v = pays.get(si);
    if (v === undefined) {
      const t = doc.sentences[si]!.text;
      v = /[万亿]元/.test(t) && holdsAny(t, FUNDING_WORDS);
      pays.set(si, v);
    }
    return v;
  };
  // the box place of the last block read: the hits of a clause, and the clauses of a box item, share one block
  let placeBlock: Block | null = null, blockCity: string | null = null;
  for (const { sentence: si, heading, clauses, named, firstHead, heads } of sentences) for (let k = 0; k < named.length; k++) {
    const ci = named[k]!;
    const clause = clauses[ci]!;
    if (holdsAny(clause.text, SKIP_CLAUSE)) continue;
    const hits = namesInClause(clause.text, heading, heads, firstHead[k]!, clause.start);
    // the sentence's money is read only once a clause names a work (1 clause in 9 over 3.2 MB)
    if (!hits.length || paysMoney(si)) continue;
    const sentence = doc.sentences[si]!;
    const rest = continuation(clauses, ci);
    // the text after a list, read once for all its items (hits of one list come together)
    let after = "", afterList = -1;
    for (const hit of hits) {
      const at = clause.start + hit.start;
      const block = blockAt(doc, at);
      if (!block) continue;
      if (hit.listEnd !== afterList) {
        after = (clause.text.slice(hit.listEnd, hit.listEnd + AFTER_WINDOW) + rest).slice(0, AFTER_WINDOW);
        afterList = hit.listEnd;
      }
      const cleaned = cleanName(hit.name);
      let name = cleaned.name;
      const verbs = hit.verbs + cleaned.verb;
      // a place written before the cut verb stands for the preposition before it (在内蒙古建设…)
      const governing = cleaned.placeKept ? cleaned.verb : hit.verbs;
      const head = HEAD_BY_NAME.get(HEAD_AT_END.exec(name)?.[1] ?? "") ?? hit.head;
      if (block !== placeBlock) { placeBlock = block; blockCity = boxPlace(block); }
      const city = blockCity;
      if (city && !hasPlace(name)) name = city + name;
      // prose naming a work with no verb and no stage after it (…等新能源自备电站，自发自用电量暂不征收…) commits to nothing
      const why: DropReason | null = !verbs && !heading && !block.box && projectStage("", after) === "other" ? "no-commitment"
        : exclusionOf({ name, head, verbs: governing, after, review: block.review, tail: hit.tail, innerVerb: cleaned.verb, sharesHead: hit.sharesHead, listSize: hit.listSize });
      if (why && !withDropped) continue;
      const quote = heading ? { start: block.start, end: block.end } : { start: sentence.start, end: sentence.end };
      drafts.push({
        fields: {
          name,
          stage: projectStage(verbs, after),
          sector: projectSector(name, head, hit.tail, block.box ?? ""),
          location: locationOf(name),
          capacity: hit.listSize === 1 ? capacityOf(after) : null,
          box: block.box ?? null,
        },
        at, quote, key: name, block, heading: heading, why,
        rule: `projects: a name ending in the head noun ${head?.head ?? "?"} (project-heads.json)${heading ? " in a heading" : ""}, stage from the verbs around it (stages.json)`,
      });
    }
  }
  const kept = dropCategoryHeadings(doc, drafts.filter((d) => !d.why));
  return drafts.map(({ block: _b, heading: _h, why, ...draft }, i) => ({ draft, why: why ?? (kept.has(drafts[i]!) ? null : "category-heading") }));
}


/** how much of the text after a list is read for its wrappers (…前期工作, …开工建设) */
const AFTER_WINDOW = 80;


/**
 * The rest of the sentence while its clauses carry on the same list without
 * a verb of their own ("推进宁城县通用机场，东乌旗…运输机场，…项目前期工作"):
 * a wrapper there stages this clause's works too.
 */
function continuation(clauses: readonly Clause[], i: number): string {
  let out = "";
  for (let j = i + 1; j < clauses.length && out.length < AFTER_WINDOW; j++) {
    if (verbRunOpening(clauses[j]!.text.slice(0, 24)) !== null) break;
    out += "，" + clauses[j]!.text.slice(0, AFTER_WINDOW);
  }
  return out;
}

/**
 * Names as written: OCR dashes fixed, unbalanced quotes and stray joints
 * trimmed; a governing verb left inside is cut off and returned, since it
 * governs the work ("在内蒙古建设碳计量中心" → 内蒙古碳计量中心, 建设).
 */
function cleanName(raw: string): { name: string; verb: string; placeKept: boolean } {
  let n = fixOcrDashes(raw.trim());
  if (n.endsWith("的")) n = n.slice(0, -1);
  // the marker rules are asked only of a name opening where a marker can (shared/markers.ts RULES): 1500
  // names a pass over the seeds, almost all opening with a place or a word, made markerAt hot enough for
  // V8 to optimize it within the first pass (about 2% of the pass's instructions)
  if (mayOpenMarker(n)) n = stripMarker(stripMarker(n, ARTICLE_KINDS), LIST_KINDS);
  // a governing verb left inside ("偏远农村牧区发展分散式风电…"): the name starts after it
  HARD_VERB_IN_NAME.lastIndex = 0;
  let m: RegExpExecArray | null, cut = 0;
  let keep = "", verb = "";
  while ((m = HARD_VERB_IN_NAME.exec(n))) {
    if (n.length - (m.index + m[0].length) < 4) continue;
    // a place before the verb stays ("通辽市申报国家级互联网骨干直联点" → 通辽市国家级…)
    keep = isPlace(n.slice(0, m.index)) ? n.slice(0, m.index) : "";
    cut = m.index + m[0].length;
    verb = m[0];
  }
  n = keep + n.slice(cut).replace(NAME_PREFIX_STRIP, "");
  // a technical grade inside the name (…的5ms/15ms/20ms级低时延直连通道) is a spec, not the name
  if (n.includes("级")) n = n.replace(/的?[0-9A-Za-z./]{2,40}级/, ""); // (read only where a 级 stands)
  if (n.startsWith("“") && !n.includes("”")) n = n.slice(1);
  if (n.endsWith("”") && !n.includes("“")) n = n.slice(0, -1);
  return { name: n, verb, placeKept: keep !== "" };
}

/** The city or league a box item sits under (专栏28 （一）呼伦贝尔市): box items without a place take it. */
function boxPlace(block: Block): string | null {
  if (!block.box) return null;
  const label = block.section[block.section.length - 1] ?? "";
  const t = stripMarker(label, CN_PAREN);
  if (t === label) return null;
  const m = PLACE_PREFIX_RE.exec(t);
  if (!m || m[0].length !== t.length) return null;
  return t.replace(/市$/, "");
}

/**
 * A 专栏 item heading that names a work is a project only when the item's
 * text names no works of its own; otherwise the heading is the category
 * (（一）引调水工程 over the named water works).
 */
function dropCategoryHeadings<D extends { block: Block; heading: boolean }>(doc: Doc, drafts: D[]): Set<D> {
  // the blocks' index is made only for a document with a box heading draft (12.5k blocks a pass over 3.2 MB, mostly for none)
  if (!drafts.some((d) => d.heading)) return new Set(drafts);
  const blocks = doc.blocks;
  const idx = new Map(blocks.map((b, i) => [b, i]));
  // itemsBefore[k]: how many of blocks[0, k) hold a draft that is no heading. A heading's body holds
  // a work of its own when the count grows across it: one subtraction, where testing every draft
  // against every heading's body was quadratic (64k box headings in one file: 22 s)
  const itemsBefore = new Int32Array(blocks.length + 1);
  for (const d of drafts) {
    const k = d.heading ? undefined : idx.get(d.block);
    if (k !== undefined) itemsBefore[k + 1] = 1;
  }
  for (let k = 0; k < blocks.length; k++) itemsBefore[k + 1]! += itemsBefore[k]!;
  // a heading's body ends at the next heading of its level or above: sections of one level do not
  // overlap and levels are few, so these walks cover each block a few times; one walk per heading
  // block, however many drafts it gave
  const bodyHoldsItem = new Map<number, boolean>();
  return new Set(drafts.filter((d) => {
    if (!d.heading) return true;
    const i = idx.get(d.block)!;
    let holds = bodyHoldsItem.get(i);
    if (holds === undefined) {
      const level = d.block.heading!.level;
      let j = i + 1;
      while (j < blocks.length && !(blocks[j]!.heading && blocks[j]!.heading!.level <= level)) j++;
      holds = itemsBefore[j]! > itemsBefore[i + 1]!;
      bodyHoldsItem.set(i, holds);
    }
    return !holds;
  }));
}
