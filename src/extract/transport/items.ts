import { holdsAny } from "../../shared/lexicon.js";
import { listRuns } from "../../shared/lists.js";
import { stageVerbs, type Stage } from "../../shared/stage.js";
import type { Doc, Sentence, Span } from "../../structure/types.js";
import { lineClassOf, roadClassOf } from "./classes.js";
import { mayHoldMention, ROAD_CONTEXT, sentenceMentions, type Mention } from "./mentions.js";
import { GOVERN_WORDS, MEANS_AFTER_RE, MEANS_BEFORE_RE, PAST_MARKER_RE, REPORT_VERB_RE, type LineClass, type RoadClass } from "./vocab.js";
import { LIST_KINDS, markerLength } from "../../shared/markers.js";

/**
 * Railway and road items a document commits to: the mentions of each sentence
 * (mentions.ts) grouped into lists that share a governing verb (shared/lists.ts),
 * minus what is no commitment — reviews of past results, lines cited as a means
 * (以…为支撑), facts reported with the verb after the lines (…开通运行).
 * One pass per document serves both extractors (railways.ts, highways.ts).
 */

export interface TransportItem {
  mention: Mention;
  stage: Stage;
  /** the sentence the item was read from (a window of it around the item when the sentence is pathologically long) */
  quote: Span;
  /** offset in Source.text of the name */
  at: number;
  lineClass: LineClass;
  roadClass: RoadClass;
}


/** Road nouns a coded item may already carry (then the list's shared head is not appended). */
const ROAD_NOUN = /公路|高速|国道|省道|路|段|工程|通道|线|桥/;

/** The head of a road name with what follows it (高速公路甘肃段, 高速公路扩容改造; a section named by its ends, 清水驿至忠和段, is not shared). */
const SHARED_ROAD_TAIL = /(高速公路|公路)([^、，,]{0,16})$/;

/** Shared head of a coded-road list, carried to items written without one (S26纳日松至龙口 … S28乌丹至天山高速公路). */
function carryRoadHead(ms: Mention[], runItems: number[]) {
  let lastRoad: Mention | undefined;
  for (let k = runItems.length - 1; k >= 0 && !lastRoad; k--) if (ms[runItems[k]!]!.code) lastRoad = ms[runItems[k]!];
  if (!lastRoad) return;
  // the head closes the last name (…S28乌丹至天山高速公路) or stands before a region's part or a work written once for
  // the list (G7京新、G7011十天高速公路甘肃段 → G7京新高速公路甘肃段); a section named by its ends belongs to its own road
  const t = SHARED_ROAD_TAIL.exec(lastRoad.name);
  if (!t) return;
  const head = /[至—]/.test(t[2]!) ? t[1]! : t[0];
  for (const i of runItems) {
    const m = ms[i]!;
    if (m.code && !ROAD_NOUN.test(m.name.replace(m.code, ""))) m.name += head;
  }
}

/** True when the words before a list govern it (a stage verb or a governing word); a bare subject does not. */
const governs = (govern: string) => stageVerbs(govern).length > 0 || holdsAny(govern, GOVERN_WORDS);

/** A sentence opening on the past (去年…, 2024年… in a plan that starts in 2025) reports results, not commitments. */
function reportsPast(s: string, doc: Doc): boolean {
  if (PAST_MARKER_RE.test(s)) return true;
  const start = doc.info.plan_year ?? doc.info.plan_period?.[0] ?? null;
  const y = /^(\d{4})年(?!前|底前|以前)/.exec(s);
  return start !== null && y !== null && Number(y[1]) < start;
}

/**
 * Quote span of an item: its sentence. A sentence longer than MAX_QUOTE (no
 * real sentence is) is cut to a window around the item, so that many items of
 * one huge run-on "sentence" do not each carry all of it.
 */
const MAX_QUOTE = 2000;
function quoteOf(sent: Sentence, m: Span): Span {
  if (sent.end - sent.start <= MAX_QUOTE) return { start: sent.start, end: sent.end };
  const half = MAX_QUOTE / 2;
  return { start: sent.start + Math.max(0, m.start - half), end: sent.start + Math.min(sent.end - sent.start, m.end + half) };
}

/** The sentence ends in ；: a list it holds may go on in the next one. */
const endsPart = (s: string): boolean => s.endsWith("；") || s.endsWith(";");

const cache = new WeakMap<Doc, TransportItem[]>();

/** All railway and road items the document commits to, staged by their list's verbs. */
export function transportItems(doc: Doc): TransportItem[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: TransportItem[] = [];
  // a list continued after ；("建成：A铁路；B铁路。") keeps the verb of the sentence before it (two variables, not
  // an object per sentence, and an indexed loop: every sentence of a document passes here, mostly interpreted)
  let carriedBlock: unknown = null, carriedStage: Stage | null = null;
  let section: readonly string[] | null = null, roadSection = false;
  const sentences = doc.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    const block = sent.block;
    const before: Stage | null = carriedBlock === block ? carriedStage : null;
    carriedBlock = block;
    carriedStage = endsPart(sent.text) ? before : null;
    if (block.review || !mayHoldMention(sent.text)) continue;
    // a list marker opening the line ((一), 1., 二、) is no part of a name: blank it, keeping offsets
    const n = markerLength(sent.text, LIST_KINDS);
    const s = n ? " ".repeat(n) + sent.text.slice(n) : sent.text;
    if (reportsPast(s.trimStart(), doc)) continue;
    // blocks under one heading share its section path: test it once per path, not per sentence
    if (block.section !== section) { section = block.section; roadSection = section.some((l) => ROAD_CONTEXT.test(l)); }
    const ms = sentenceMentions(s, roadSection);
    if (!ms.length) continue;
    const runs = listRuns(s, ms);
    runs.forEach((run, k) => {
      if (run.stage === null && k === 0 && before !== null && !s.slice(0, run.govern.end).trim() && !s.slice(run.tail.start).replace(/[。；;，,]$/, "").trim()) {
        run.stage = before; run.inherited = true;
      }
    });
    if (endsPart(s)) carriedStage = runs[runs.length - 1]!.stage ?? before;
    for (const run of runs) {
      carryRoadHead(ms, run.items);
      const govern = s.slice(run.govern.start, run.govern.end).trim();
      const tail = s.slice(run.tail.start, run.tail.end).trim();
      // 以 X 为支撑: X is a means, not a commitment
      if (MEANS_BEFORE_RE.test(govern) && MEANS_AFTER_RE.test(tail)) continue;
      // X、Y 开通运行 with nothing governing them reports a past fact
      // (nothing governs them: no stage verb and no governing word such as 加快, 确保, 争取 before them)
      // (a table row is no sentence: its columns are not a subject and a predicate)
      if (!block.cells && !governs(govern) && REPORT_VERB_RE.test(tail) && !run.inherited) continue;
      for (const i of run.items) {
        const m = ms[i]!;
        let stage = run.stage;
        if (stage === null && m.work) stage = "building";
        if (stage === null && block.box) stage = "other";
        if (stage === null) continue;
        out.push({ mention: m, stage, quote: quoteOf(sent, m), at: sent.start + m.start, lineClass: lineClassOf(m, block), roadClass: roadClassOf(m, block) });
      }
    }
  }
  cache.set(doc, out);
  return out;
}
