import { decFromString, decToNumber, type Dec } from "../../shared/decimal.js";
import { normalizedValue, unitAt } from "../../shared/numbers.js";
import type { Cell, Doc, TableRow } from "../../structure/types.js";
import type { Draft } from "../record.js";
import { makeDraft } from "./draft.js";
import { BASIS, COMPARATOR_SUFFIX, includesAny, TABLE_HEADER, type Basis, type Comparator } from "./phrases.js";
import type { Timing } from "./year.js";
import { markerAt, NUM_ITEM, stripMarker } from "../../shared/markers.js";

/**
 * Indicator tables (专栏1 style): a header 类别 | 指标 | 2025年 | 2030年 |
 * 年均/累计 | 属性 and one record per indicator row. The base-year column gives
 * the baseline (a `*` value is the previous year's, as the table's note says),
 * the target-year column or the 年均/累计 column the target, 属性 the binding.
 * Rows are aligned from the right: an indicator split into sub-indicators
 * (每千人口拥有医护人员数 | 执业医师数) prints one cell more on the left.
 */

interface Layout {
  indicatorCol: number;
  categoryCol: number | null;
  /** data columns, counted from the right end of a row */
  baseYear: { col: number; year: number } | null;
  targetYear: { col: number; year: number } | null;
  averageCol: number | null;
  bindingCol: number | null;
  /** a separate 单位 column, when the unit is not written in the indicator's brackets */
  unitCol: number | null;
  nData: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

export function layoutOf(header: readonly string[]): Layout | null {
  const h = header.map(squeeze);
  // the indicator column: 指标 / 指标名称 (not 指标属性, which is the binding column)
  const indicatorCol = h.findIndex((c) => includesAny(c, TABLE_HEADER.indicator) !== null && includesAny(c, TABLE_HEADER.binding) === null);
  if (indicatorCol < 0) return null;
  const years: Array<{ col: number; year: number }> = [];
  let averageCol: number | null = null, bindingCol: number | null = null, unitCol: number | null = null;
  const nData = h.length - indicatorCol - 1;
  if (nData < 1) return null;
  for (let i = indicatorCol + 1; i < h.length; i++) {
    const fromRight = h.length - i; // 1 = last column
    const y = /^(\d{4})年/.exec(h[i]!);
    if (y) years.push({ col: fromRight, year: Number(y[1]) });
    else if (includesAny(h[i]!, TABLE_HEADER.average) !== null) averageCol = fromRight;
    else if (includesAny(h[i]!, TABLE_HEADER.binding) !== null) bindingCol = fromRight;
    else if (TABLE_HEADER.unit.has(h[i]!)) unitCol = fromRight;
  }
  if (!years.length && averageCol === null) return null;
  return {
    indicatorCol,
    categoryCol: indicatorCol > 0 && includesAny(h[0]!, TABLE_HEADER.category) !== null ? 0 : null,
    baseYear: years.length >= 2 ? years[0]! : null,
    targetYear: years.length ? years[years.length - 1]! : null,
    averageCol, bindingCol, unitCol, nData,
  };
}

interface CellValue {
  value: number | null;
  /** the exact decimal behind `value` */
  dec: Dec | null;
  comparator: Comparator;
  text: string;
  bracketed: boolean;
  starred: boolean;
}

const EMPTY = /^(?:—+|－+|-+|–+|\/|无)?$/;

/** A table cell: 4.5左右, [5.5], 5.4*, 73, 高于GDP增长, 达到国家要求, —. */
export function cellValue(raw: string): CellValue | null {
  const text = squeeze(raw);
  if (EMPTY.test(text)) return null;
  const br = /^[[［【](.{1,30})[\]］】]$/.exec(text);
  const inner = br ? br[1]! : text;
  const m = /^(\d{1,12}(?:\.\d{1,12})?)(\*)?(.{0,4})$/.exec(inner);
  if (m) {
    const suffix = COMPARATOR_SUFFIX.find(([p]) => p === m[3]);
    if (m[3] && !suffix) return null;
    const dec = decFromString(m[1]!)!;
    return { value: decToNumber(dec), dec, comparator: suffix?.[1] ?? "eq", text, bracketed: !!br, starred: !!m[2] };
  }
  const comparator: Comparator = /^(?:不低于|不少于)/.test(text) ? "gte" : /^(?:高于|超过|快于)/.test(text) ? "gt"
    : /^(?:低于)/.test(text) ? "lt" : /^(?:不高于|不超过|控制在)/.test(text) ? "lte" : "eq";
  return { value: null, dec: null, comparator, text, bracketed: !!br, starred: false };
}

function indicatorName(part: string): { name: string; unit: string | null } {
  let t = stripMarker(squeeze(part), NUM_ITEM).replace(/_\{([^{}]{1,10})\}/g, "$1");
  let unit: string | null = null;
  const u = /[(（]([^()（）]{1,12})[)）]$/.exec(t);
  if (u) { unit = u[1]!; t = t.slice(0, u.index); }
  return { name: t.replace(/\(/g, "（").replace(/\)/g, "）"), unit };
}

/** The year a `*` value belongs to, from the table's note (②*为2024年数据). */
function starYear(doc: Doc, lastRow: TableRow, fallback: number | null): number | null {
  const i = doc.blocks.indexOf(lastRow.block);
  for (let k = i + 1; k < Math.min(doc.blocks.length, i + 4); k++) {
    const m = /\*\s?为\s?(\d{4})\s?年/.exec(doc.blocks[k]!.text);
    if (m) return Number(m[1]);
  }
  return fallback;
}

/** words of a growth rate; one array for every call: holdsAny compiles a list once per array, and a literal here made a regular expression per cell */
const GROWTH_WORDS = ["增长", "增速"];

function basisOfCell(indicator: string, v: CellValue, fromAverageCol: boolean): Basis {
  if (v.bracketed) return "cumulative";
  if (!fromAverageCol) return "level";
  if (v.value !== null) return "average_annual";
  if (includesAny(indicator, BASIS.reductionWords)) return "cumulative";
  if (includesAny(indicator, GROWTH_WORDS)) return "average_annual";
  return "level";
}

export function tableTargets(doc: Doc, timing: Timing): Draft<"targets">[] {
  const out: Draft<"targets">[] = [];
  let parent = "";
  let category: string | null = null;
  let lastHeader: readonly string[] | null = null;
  /** the row before was split into sub-indicators */
  let splitParent = false;
  const rowsByHeader = new Map<readonly string[], TableRow[]>();
  for (const r of doc.tables) {
    if (!rowsByHeader.has(r.header)) rowsByHeader.set(r.header, []);
    rowsByHeader.get(r.header)!.push(r);
  }
  for (const [header, rows] of rowsByHeader) {
    const L = layoutOf(header);
    if (!L) continue;
    const star = starYear(doc, rows[rows.length - 1]!, L.baseYear ? L.baseYear.year - 1 : null);
    for (const r of rows) {
      if (header !== lastHeader) { parent = ""; category = null; lastHeader = header; splitParent = false; }
      // a row that prints no category (or is a sub-indicator) starts with empty cells
      const cells = r.cells;
      if (cells.length < L.indicatorCol + 1 + L.nData) continue;
      if (L.categoryCol !== null && cells[L.categoryCol]!.text) category = squeeze(cells[L.categoryCol]!.text);
      const lead = cells.slice(0, cells.length - L.nData);
      const data = (fromRight: number | null): Cell | null => (fromRight === null ? null : cells[cells.length - fromRight] ?? null);
      const parts = lead.slice(L.indicatorCol).map((c) => c.text);
      let name: string, unit: string | null;
      // an unnumbered indicator after a row split into sub-indicators is the
      // next sub-indicator, printed under the last one (注册护士数 under
      // 10.每千人口拥有医护人员数 | 执业医师数) where a PDF kept no blank cell
      if (parts.length === 1 && parts[0] && splitParent && !markerAt(parts[0].trimStart(), NUM_ITEM)) parts.unshift("");
      splitParent = parts.length > 1 && (!parts[0] ? splitParent : true);
      if (parts[0]) {
        const main = indicatorName(parts[0]);
        parent = main.name;
        if (parts.length > 1 && parts[parts.length - 1]) {
          const sub = indicatorName(parts[parts.length - 1]!);
          name = `${parent}（${sub.name}）`; unit = sub.unit ?? main.unit;
        } else { name = main.name; unit = main.unit; }
      } else {
        const last = parts[parts.length - 1];
        if (!last || !parent) continue;
        const sub = indicatorName(last);
        name = `${parent}（${sub.name}）`; unit = sub.unit;
      }
      const unitCell = squeeze(data(L.unitCol)?.text ?? "");
      if (!unit && unitCell && !EMPTY.test(unitCell)) unit = unitCell.replace(/^[(（]|[)）]$/g, "");
      const targetCell = data(L.targetYear?.col ?? null);
      const avgCell = data(L.averageCol);
      let chosen = targetCell && cellValue(targetCell.text) ? targetCell : null;
      let fromAverageCol = false;
      if (!chosen && avgCell && cellValue(avgCell.text)) { chosen = avgCell; fromAverageCol = true; }
      if (!chosen) continue;
      const v = cellValue(chosen.text)!;
      const baseCell = data(L.baseYear?.col ?? null);
      const base = baseCell ? cellValue(baseCell.text) : null;
      const baseValue = base?.value ?? null;
      const bindingText = squeeze(data(L.bindingCol)?.text ?? "");
      const u = unit ? unitAt(unit, 0) : null;
      const unitKnown = u && u.unit === unit ? u : null;
      out.push(makeDraft(doc, timing, {
        indicator: name,
        value: v.value,
        value_high: null,
        unit,
        comparator: v.comparator,
        target_year: L.targetYear?.year ?? timing.defaultYear,
        baseline_value: baseValue,
        baseline_year: baseValue === null ? null : base!.starred ? star : L.baseYear!.year,
        value_text: v.text,
        binding: /约束/.test(bindingText) ? "binding" : /预期/.test(bindingText) ? "expected" : null,
        basis: basisOfCell(name, v, fromAverageCol),
        value_normalized: v.dec && unitKnown?.normalized ? normalizedValue({ value: v.dec, exponent: unitKnown.exponent }) : null,
        unit_normalized: unitKnown?.normalized ?? null,
        category,
      }, chosen.start, { start: r.block.start, end: r.block.end }));
    }
  }
  return out;
}
