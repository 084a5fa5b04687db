import { holdsAny } from "../../shared/lexicon.js";
import { parseChineseNumeral } from "../../shared/numbers.js";
import { decToNumber } from "../../shared/decimal.js";
import { FREQUENCY_WORDS, NOT_ANNUAL_RE, ONE_TIME_RE, RANKED_YEAR_RE, TERM_AFTER_GATE, TERM_AFTER_RE, type Frequency } from "./lexicon.js";

/**
 * How often a payout is made and for how long the policy runs.
 * One-time wins over everything (一次性奖补50万元，单个企业每年最高500万元 is
 * paid once per product); 连续5年/分3年/5年内 make a multi-year payment; 每年,
 * 年度 (not 上一年度, 年度排名, 同一年度) annual; 每月, 元/月 monthly.
 */
// "5年内按销售收入的5%给予奖补" is a term; "在3年内被认定为高新技术企业的" is a condition
const MULTI_YEAR = /(?:连续|分)(\d{1,2}|[一二两三四五六七八九十]{1,2})年|(?<!在)(\d{1,2}|[一二两三四五六七八九十]{1,2})年内(?=[，,]?(?:按|每年|给予|予以|共|累计|奖|补))/;

/** an ASCII digit (what \d matches), by code unit: no pattern compiled for one character */
const isDigit = (c: number) => c >= 48 && c <= 57;

function yearsOf(m: RegExpExecArray): number | null {
  const t = m[1] ?? m[2]!;
  const n = isDigit(t.charCodeAt(0)) ? Number(t) : (() => { const d = parseChineseNumeral(t); return d ? decToNumber(d) : null; })();
  return n && n > 1 ? n : null;
}

export function frequencyOf(span: string, perSuffixes: (string | null)[]): { frequency: Frequency | null; years: number | null } {
  const s = span.replace(/\s+/g, "");
  if (ONE_TIME_RE.test(s)) return { frequency: "one_time", years: null };
  const my = MULTI_YEAR.exec(s);
  const years = my ? yearsOf(my) : null;
  if (years) return { frequency: "multi_year", years };
  const annualText = s.replace(NOT_ANNUAL_RE, "").replace(RANKED_YEAR_RE, "");
  if (holdsAny(annualText, FREQUENCY_WORDS.annual) || perSuffixes.includes("/年")) return { frequency: "annual", years: null };
  if (holdsAny(s, FREQUENCY_WORDS.monthly) || perSuffixes.includes("/月")) return { frequency: "monthly", years: null };
  return { frequency: null, years: null };
}

const pad = (n: string) => n.padStart(2, "0");
// a plain string, not String.raw: the bundle escapes the characters of strings, not of a raw template (scripts/ascii-bundle.mjs)
const DATE = "(\\d{4})年(\\d{1,2})月(\\d{1,2})日";
const FROM_TO = new RegExp(`自?${DATE}(?:起)?(?:至|到|—|-)${DATE}(?:止)?`);
const UNTIL = new RegExp(`(?:至|到|截至)${DATE}(?:止|前)?|${DATE}(?:前|以前|止)`);
const UNTIL_YEAR = /(?:至|到)(\d{4})年(?![\d年月])/;
const FROM = new RegExp(`自${DATE}起`);

/** Validity dates stated in a sentence: 自2021年1月1日至2025年12月31日; 2025年12月31日前; 补贴至2025年. */
export function validityOf(sentence: string): { valid_from: string | null; valid_to: string | null } {
  // every date and year read here is written with 年: most sentences hold none
  if (!sentence.includes("年")) return { valid_from: null, valid_to: null };
  const s = sentence.replace(/\s+/g, "");
  // a full date (FROM_TO, FROM, UNTIL) holds 日: without one only 至2025年 is left to read
  const dated = s.includes("日");
  const ft = dated ? FROM_TO.exec(s) : null;
  if (ft) return { valid_from: `${ft[1]}-${pad(ft[2]!)}-${pad(ft[3]!)}`, valid_to: `${ft[4]}-${pad(ft[5]!)}-${pad(ft[6]!)}` };
  const from = dated ? FROM.exec(s) : null;
  const valid_from = from ? `${from[1]}-${pad(from[2]!)}-${pad(from[3]!)}` : null;
  const u = dated ? UNTIL.exec(s) : null;
  if (u) {
    const y = u[1] ?? u[4]!, mo = u[2] ?? u[5]!, d = u[3] ?? u[6]!;
    return { valid_from, valid_to: `${y}-${pad(mo)}-${pad(d)}` };
  }
  const uy = UNTIL_YEAR.exec(s);
  return { valid_from, valid_to: uy ? `${uy[1]}-12-31` : null };
}

/** The first term written for payouts at or after `from` in an item (扶持期限为三年), found once per item. */
const terms = new WeakMap<object, Array<{ at: number; years: number }>>();
/** a global copy made once (each scan runs to its end before another starts) */
const TERMS = new RegExp(TERM_AFTER_RE.source, "g");
export function termAfter(item: { text: string }, from: number): { at: number; years: number } | null {
  let list = terms.get(item);
  if (!list) {
    list = [];
    const re = TERMS;
    re.lastIndex = 0;
    // most items state no term: the small gate keeps the large pattern from running (and being compiled)
    if (TERM_AFTER_GATE.test(item.text)) for (let m = re.exec(item.text); m; m = re.exec(item.text)) {
      const n = yearsOf(m);
      if (n) list.push({ at: m.index, years: n });
    }
    terms.set(item, list);
  }
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.at < from) lo = mid + 1; else hi = mid; }
  return list[lo] ?? null;
}
