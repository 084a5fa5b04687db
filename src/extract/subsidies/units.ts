import { charClass } from "../../shared/char-class.js";

/**
 * Responsible units: "（责任单位：自治区工业和信息化厅、财政厅）",
 * "〔责任单位：自治区农牧厅（乡村振兴局）、财政厅，各盟行政公署、市人民政府〕",
 * "牵头单位：…". The list runs to the bracket that closes the one opened
 * before the label; unit names carry their own parentheses (农牧厅（乡村振兴局）),
 * so the scan counts depth instead of stopping at the first ）.
 */
const LABEL = /(?:责任单位|牵头单位|责任部门|牵头部门)[:：]/g;
const OPEN = "（(〔［[";
const CLOSE = "）)〕］]";
const MAX_LIST = 400;
/** OPEN and CLOSE by code unit (charClass: no string per character) */
const OPENING = charClass(OPEN);
const CLOSING = charClass(CLOSE);
/** a labelled list ends at these, outside brackets */
const LIST_END = charClass("。；");
/** units are parted by these, outside brackets */
const UNIT_SEP = charClass("、，,");

export interface UnitsClause { start: number; end: number; units: string[]; /** "…按职责分工负责，下同": the list holds for the items that follow */ carries?: boolean }

/** "…按职责分工负责，下同": the words by which a list holds for the items after its own */
export const CARRIED = "下同";
/** Can `text` hold a list carried on to the items after it (what extractSubsidies asks of an item that pays nothing)? */
export const mayCarry = (text: string) => text.includes(CARRIED);

/** An agency name ends like one: 财政厅, 能源局, 发展改革委, 人民政府, 内蒙古分行, 电网企业 */
const AGENCY = /(?:厅|局|委|办|会|行|公司|政府|公署|署|室|部|院|中心|企业|机构|集团)(?:（[^（）]{1,12}）)?$/;
const DUTY_TAIL = /(?:等部门|等单位)?(?:按职责分工负责|按职责负责|分工负责|负责|牵头)?(?:[，,]下同)?$/;

/**
 * The unlabeled form some documents print at the end of an item:
 * "（内蒙古自治区税务局、自治区财政厅、发展改革委按职责分工负责，下同）", "（自治区财政厅）".
 * It counts only at the end of a line and when every entry reads as an agency.
 */
function trailingUnits(text: string, close: number): UnitsClause | null {
  let depth = 0, k = close;
  const stop = Math.max(0, close - MAX_LIST);
  for (; k >= stop; k--) {
    const c = text.charCodeAt(k);
    if (CLOSING.has(c)) depth++;
    else if (OPENING.has(c)) { depth--; if (depth === 0) break; }
  }
  if (k < stop || depth !== 0) return null;
  const inner = text.slice(k + 1, close).replace(/\s+/g, "");
  if (/[：:。；]/.test(inner)) return null;
  const units = splitUnits(inner.replace(DUTY_TAIL, ""));
  if (!units.length || !units.every((u) => AGENCY.test(u))) return null;
  return { start: k, end: close + 1, units, carries: inner.endsWith(CARRIED) };
}

/** Every 责任单位 clause in `text`, left to right. */
export function unitClauses(text: string): UnitsClause[] {
  const out: UnitsClause[] = [];
  // unlabeled lists closing a line: a closing bracket right before a line break or the end (the line
  // breaks found by indexOf, in order, the end last)
  for (let from = 0; from <= text.length;) {
    const nl = text.indexOf("\n", from);
    const i = (nl < 0 ? text.length : nl) - 1;
    from = nl < 0 ? text.length + 1 : nl + 1;
    if (i < 0 || !CLOSING.has(text.charCodeAt(i))) continue;
    if (/(?:责任单位|牵头单位|责任部门|牵头部门)/.test(text.slice(Math.max(0, i - MAX_LIST), i))) continue;
    const t = trailingUnits(text, i);
    if (t) out.push(t);
  }
  LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL.exec(text))) {
    const start = m.index > 0 && OPENING.has(text.charCodeAt(m.index - 1)) ? m.index - 1 : m.index;
    let depth = 0, k = m.index + m[0].length;
    const limit = Math.min(text.length, k + MAX_LIST);
    for (; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (OPENING.has(c)) depth++;
      else if (CLOSING.has(c)) { if (depth === 0) break; depth--; }
      else if (depth === 0 && LIST_END.has(c)) break;
    }
    const list = text.slice(m.index + m[0].length, k);
    out.push({ start, end: Math.min(text.length, k + 1), units: splitUnits(list) });
    LABEL.lastIndex = k;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Split a unit list on 、 and ， outside parentheses, as written. */
export function splitUnits(list: string): string[] {
  const out: string[] = [];
  // each unit is the list's slice between two separators, without its whitespace (not a string per character)
  let depth = 0, from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (OPENING.has(c)) depth++;
    else if (CLOSING.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && UNIT_SEP.has(c)) { pushUnit(out, list.slice(from, i)); from = i + 1; }
  }
  pushUnit(out, list.slice(from));
  return out;
}
function pushUnit(out: string[], s: string): void {
  const u = s.replace(/\s+/g, "");
  if (u) out.push(u);
}

/** Index of the first clause starting at or after `from` (clauses are sorted). */
function firstFrom(clauses: UnitsClause[], from: number): number {
  let lo = 0, hi = clauses.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (clauses[mid]!.start < from) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Units of the first 责任单位 clause at or after `from` (the clause closes the item or paragraph it belongs to). */
export function unitsAfter(clauses: UnitsClause[], from: number): string[] {
  return clauses[firstFrom(clauses, from)]?.units ?? [];
}

/** Is offset `i` inside a 责任单位 clause? */
export function insideUnits(clauses: UnitsClause[], i: number): boolean {
  const k = firstFrom(clauses, i + 1) - 1;
  return k >= 0 && i < clauses[k]!.end;
}
