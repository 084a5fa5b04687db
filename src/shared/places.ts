import { isWithin, placeAtStart, regionName, resolvePlace, textNamesContaining } from "./gazetteer.js";
import { charClass } from "./char-class.js";
import { overlaysFor } from "./overlays.js";
import { escapeRegExp as esc } from "./lexicon.js";

/**
 * OCR dash noise: scanned documents print the dash between place names as 一
 * (集宁一大同一原平). Between two place-name-like CJK runs it is a dash; inside
 * real words (一体化, 一级, 统一, 一批) it is the numeral and stays.
 */
const NOT_A_DASH_AFTER = /^(?:体|级|批|流|带|路|线|区|圈|核|廊|号|期|道|类|站|次|揽子|系列|定|直|步|些|致|般|起|同|并|张|个|座|条|项|家|所|年|是|方面|、)/;
const NOT_A_DASH_BEFORE = /(?:统|唯|第|之|逐|进|万|专|单|划|均|其|任|每|合|归|整|如|惟)$/;

/** the characters that may stand for a dash, searched from a lastIndex */
const DASH_LIKE = /[一－\-–]/g;

/**
 * Replace 一 used as a dash between place names by —; `—`, `－`, `-` between CJK also become —.
 * Only the dash-like characters are visited (a native search): most names hold none and are
 * returned as they are, where a string was built up character by character for every name.
 */
export function fixOcrDashes(name: string): string {
  let out = "", from = 0;
  DASH_LIKE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DASH_LIKE.exec(name))) {
    const i = m.index, c = m[0];
    if (i > 1 && i < name.length - 2) {
      const before = name.slice(0, i);
      const after = name.slice(i + 1);
      const cjkAround = /[\u4e00-\u9fff]{2}$/.test(before) && /^[\u4e00-\u9fff]{2}/.test(after);
      if (cjkAround && (c !== "一" || (!NOT_A_DASH_AFTER.test(after) && !NOT_A_DASH_BEFORE.test(before)))) { out += name.slice(from, i) + "—"; from = i + 1; }
    }
  }
  return from === 0 ? name : out + name.slice(from);
}

/**
 * Separators between the places a line connects: 至 (to), 经 (via) and the
 * dash (after OCR repair). A separator splits only between two pieces of at
 * least two characters, and 经/至 followed by a word they begin (经济, 至今,
 * 至少) are not separators: 经棚 or 包（银）海 stay whole.
 */
const STOP_SEP = new Set(["至", "经", "—"]);
const NOT_SEP_NEXT: Record<string, RegExp> = { 经: /^[济营过由常]/, 至: /^[今少于此多上]/, "—": /^$/ };

/** Places along a line name: `包头经鄂尔多斯至榆林` → [包头, 鄂尔多斯, 榆林]; `集宁一大同一原平` → [集宁, 大同, 原平]. */
export function splitStops(chain: string): string[] {
  const t = fixOcrDashes(chain.trim()).replace(/[－–-]/g, "—");
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (!STOP_SEP.has(c)) continue;
    const left = t.slice(s, i).trim();
    const rest = t.slice(i + 1);
    if (left.length < 2 || rest.trim().length < 2 || NOT_SEP_NEXT[c]!.test(rest)) continue;
    out.push(left);
    s = i + 1;
  }
  const last = t.slice(s).trim();
  if (last) out.push(last);
  return out;
}

/**
 * Leading words of a clause that come before its subject: a due date (到2025年，),
 * a plan period (“十五五”期间), a resolve (力争, 确保).
 */
const CLAUSE_LEAD = /^(?:(?:力争|确保|预计|计划)?(?:到|至)?\d{4}年(?:底|末|前)?|[“"]?十[一二三四五六七八九]五[”"]?(?:期间|时期|末)|力争|确保|努力|全力)[，,]?/;

/**
 * The area a clause is about when it opens with a place other than the
 * document's own (满洲里口岸过货量达到…, 呼包鄂乌城市群地区生产总值…), as the
 * region field writes it; null when it opens with none, with the document's
 * region itself, or with a place outside it (the clause then speaks of a
 * partner, not of where the target applies). The clause is read back from
 * `at` to the nearest clause mark, leading dates and resolves skipped.
 */
export function placeOpeningClause(text: string, at: number, docRegionCode: string | null): string | null {
  let start = at;
  while (start > 0 && at - start < 200 && !CLAUSE_MARK.has(text.charCodeAt(start - 1))) start--;
  let clause = text.slice(start, at);
  for (let k = 0; k < 3; k++) {
    const lead = CLAUSE_LEAD.exec(clause);
    if (!lead || !lead[0]) break;
    clause = clause.slice(lead[0].length);
  }
  const m = placeAtStart(clause, { region: docRegionCode });
  if (!m) return null;
  const d = resolvePlace(m, { region: docRegionCode });
  if (d) {
    if (d.code === docRegionCode) return null;
    return !docRegionCode || isWithin(d, docRegionCode) ? regionName(d) : null;
  }
  // a place of the region's overlay that is no division (呼包鄂乌, 蒙西)
  return m.places.some((p) => p.form === "extra" && !!docRegionCode && overlaysFor(docRegionCode).some((o) => o.code === p.overlay)) ? m.text : null;
}

/** where a clause ends, tested by code unit (a regular expression on a string made per character cost more than the rest) */
const CLAUSE_MARK = charClass("，,。；;：:！？!?\n\t");

/**
 * A regular-expression source matching `word` (a list joint such as 和) only
 * where it is no part of a place name the gazetteer or a region overlay knows
 * (呼和浩特, 和林格尔, 乌兰布和, 和平区): each name contributes the text around the
 * word as one lookaround, so "A和B" still splits. Built from data once per word.
 */
export function outsidePlaceNames(word: string): string {
  const behind: string[] = [];
  const ahead: string[] = [];
  for (const name of textNamesContaining(word)) {
    for (let k = name.indexOf(word); k >= 0; k = name.indexOf(word, k + 1)) {
      const before = name.slice(0, k), after = name.slice(k + word.length);
      if (before && after) behind.push(`${esc(before)}(?=${esc(word + after)})`);
      else if (before) behind.push(esc(before));
      else if (after) ahead.push(esc(after));
    }
  }
  return `${behind.length ? `(?<!${behind.join("|")})` : ""}${esc(word)}${ahead.length ? `(?!${ahead.join("|")})` : ""}`;
}
