import { charClass } from "./char-class.js";

/**
 * The numbering of Chinese policy documents: one grammar for every layer that
 * reads it. Headings (structure/headings.ts), list items in extractors, the
 * PDF reader's row openers and normalisation's heading starts all ask here.
 *
 * Markers as printed in the wild, outermost first: 第十条 / 第10条 / 第1 0条
 * (digits set apart), 第 一 章, "二 、" (a space before the mark), half- and
 * full-width brackets with spaces inside them (( 一 ), （ 1 ）), circled numbers
 * (⑴, ①). An article (第X条) sits under its chapter and section and holds its
 * own items ((一), 1.), so it ranks between 节 and 一、. Each rule is anchored at
 * the start and bounded (one optional space between marks): matching is linear.
 */

export type MarkerKind =
  | "part" | "chapter" | "section" | "box" | "article"
  | "cn-item" | "cn-paren" | "num-item" | "num-paren" | "circled";

export interface Marker {
  kind: MarkerKind;
  /** nesting rank, outermost 1 (第X篇) */
  level: number;
  /** the marker as printed, spaces included */
  raw: string;
  /** the marker without the spaces printed inside it: 第1 0条 → 第10条 */
  marker: string;
}

const CN = "[一二三四五六七八九十百零〇两]";
/** a numeral of up to four marks, Chinese or digits, with single spaces allowed between them */
const NUM = `(?:${CN}(?: ?${CN}){0,3}|\\d(?: ?\\d){0,3})`;

export const RULES: ReadonlyArray<{ kind: MarkerKind; level: number; re: RegExp }> = [
  { kind: "part", level: 1, re: new RegExp(`^第 ?${NUM} ?篇`) },
  { kind: "chapter", level: 2, re: new RegExp(`^第 ?${NUM} ?章`) },
  { kind: "section", level: 3, re: new RegExp(`^第 ?${NUM} ?节`) },
  { kind: "box", level: 4, re: /^专栏 ?\d{1,3}/ },
  { kind: "cn-item", level: 5, re: new RegExp(`^${CN}{1,3} ?[、.．]`) },
  { kind: "cn-paren", level: 6, re: new RegExp(`^[（(] ?${CN}{1,3} ?[)）]`) },
  { kind: "num-item", level: 7, re: /^\d{1,3}(?: ?[、．]|\.(?!\d))/ },
  { kind: "num-paren", level: 8, re: /^[（(] ?\d{1,2} ?[)）]|^[⑴-⒇]/ },
  { kind: "circled", level: 9, re: /^[①-⑳]/ },
  { kind: "article", level: 4.5, re: new RegExp(`^第 ?${NUM} ?条`) },
];

/** the numbering of list items inside a text: 一、 （一） 1. （1） ⑴ ① */
export const LIST_KINDS: ReadonlySet<MarkerKind> = new Set(["cn-item", "cn-paren", "num-item", "num-paren", "circled"]);
/** list items and articles: what opens an item of a policy list (第三条, 18., （一）) */
export const ITEM_KINDS: ReadonlySet<MarkerKind> = new Set([...LIST_KINDS, "article"]);

/** an item number: 1. 2、 10． */
export const NUM_ITEM: ReadonlySet<MarkerKind> = new Set(["num-item"]);
/** an article marker alone: 第三条 */
export const ARTICLE_KINDS: ReadonlySet<MarkerKind> = new Set(["article"]);
/** a Chinese numeral with 、: 一、 */
export const CN_ITEM: ReadonlySet<MarkerKind> = new Set(["cn-item"]);
/** a Chinese numeral in brackets: （一） */
export const CN_PAREN: ReadonlySet<MarkerKind> = new Set(["cn-paren"]);
/** any numeral in brackets: （一）, （1）, ⑴ */
export const PAREN_KINDS: ReadonlySet<MarkerKind> = new Set(["cn-paren", "num-paren"]);
/** what a heading label opens with: 第X篇/章/节, 专栏N, 一、, （一） */
export const HEADING_KINDS: ReadonlySet<MarkerKind> = new Set(["part", "chapter", "section", "box", "cn-item", "cn-paren"]);

/**
 * The characters a marker can open with (every rule above starts with one): most
 * lines and clauses open with none, and one lookup answers for all ten rules.
 */
const MARKER_FIRST = charClass(`第专（(0123456789⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳${CN.slice(1, -1)}`);

/**
 * The rules of RULES allowed by a set of kinds as one pattern, each rule a group
 * in RULES order: every rule is anchored at the start, so the first alternative
 * that matches is the first rule that would, and one native search answers where
 * a loop ran up to ten (a 1. item line tried six patterns, interpreted, cold).
 */
interface Combined { re: RegExp; rules: ReadonlyArray<(typeof RULES)[number]> }
const combined = new Map<ReadonlySet<MarkerKind> | undefined, Combined>();
/**
 * (markerAt asks here, and V8 compiles what it calls into markerAt's optimized code: the pattern's
 * making, which runs once per set of kinds, is a function of its own, which that code only calls.
 * Inside, it made markerAt's optimizing compile the largest of a cold structure pass over the seeds.)
 */
function combinedFor(kinds: ReadonlySet<MarkerKind> | undefined): Combined {
  return combined.get(kinds) ?? combine(kinds);
}
function combine(kinds: ReadonlySet<MarkerKind> | undefined): Combined {
  const rules = kinds ? RULES.filter((r) => kinds.has(r.kind)) : RULES;
  // the pattern's text by a loop, not rules.map(…).join: V8 inlines map into markerAt's compiled code, where it
  // makes a holey array (the interpreter's is packed), and the join on it deoptimized markerAt ("wrong map")
  // at the first set of kinds met after markerAt was compiled
  let source = "";
  for (let k = 0; k < rules.length; k++) source += `${k ? "|" : ""}(${rules[k]!.re.source})`;
  const c = { re: new RegExp(rules.length ? source : "(?!)"), rules };
  combined.set(kinds, c);
  return c;
}

/**
 * Whether `text` opens with a character a marker can open with: false means markerAt
 * finds none, for any kinds. A caller asking of many texts that rarely hold one asks
 * this first, so that markerAt itself runs too rarely for V8 to optimize it in a short build.
 */
export function mayOpenMarker(text: string): boolean {
  // (an empty text is answered before charCodeAt reads past its end)
  return text.length > 0 && MARKER_FIRST.has(text.charCodeAt(0));
}

/** The marker opening `text`, if any (of `kinds`, when given). */
export function markerAt(text: string, kinds?: ReadonlySet<MarkerKind>): Marker | undefined {
  if (!mayOpenMarker(text)) return undefined;
  const { re, rules } = combinedFor(kinds);
  const m = re.exec(text);
  if (!m) return undefined;
  let g = 1;
  while (m[g] === undefined) g++;
  const r = rules[g - 1]!;
  // the rules allow only a plain space inside a marker
  const raw = m[0];
  return { kind: r.kind, level: r.level, raw, marker: raw.includes(" ") ? raw.replace(/\s+/g, "") : raw };
}

/** Length of the marker opening `text` and the blanks after it (0 when none). */
export function markerLength(text: string, kinds?: ReadonlySet<MarkerKind>): number {
  const m = markerAt(text, kinds);
  if (!m) return 0;
  let n = m.raw.length;
  while (n < text.length && (text[n] === " " || text[n] === "\u3000" || text[n] === "\t")) n++;
  return n;
}

/** `text` without the marker opening it (of `kinds`, when given) and the blanks after it. */
export function stripMarker(text: string, kinds?: ReadonlySet<MarkerKind>): string {
  return text.slice(markerLength(text, kinds));
}
