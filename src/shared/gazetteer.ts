import data from "../data/divisions.json" with { type: "json" };
/** Level of government (the contract's policy_level values below national). */
type PolicyLevel = "region" | "city" | "district";

/**
 * China's administrative divisions (src/data/divisions.json, GB/T 2260 codes,
 * derived from a maintained package by scripts/gen-divisions.mjs), loaded once.
 * Answers "which division is named at the head of this title or issuer", with
 * its code, its full path (大连市甘井子区) and the level of government that
 * issues for it. Names are matched with their suffix as written (甘井子区,
 * 大连市, 辽宁省): bare short forms are left to the region lists.
 */
export interface Division {
  code: string;
  name: string;
  /** province, prefecture (city) or county (district) level, from the code */
  kind: "province" | "city" | "district";
  /** the division above (a district's city, a city's province), null for a province */
  parent: string | null;
}

const CODES = new Map<string, Division>();
const BY_NAME = new Map<string, Division[]>();

const kindOf = (code: string): Division["kind"] => (code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : "district");

for (const [code, name] of data.divisions as Array<[string, string]>) {
  // placeholders of the code list, not places: 市辖区, 县, 省直辖县级行政区划 …
  if (/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name)) continue;
  const kind = kindOf(code);
  const parentCode = kind === "district" ? `${code.slice(0, 4)}00` : kind === "city" ? `${code.slice(0, 2)}0000` : null;
  const d: Division = { code, name, kind, parent: parentCode };
  CODES.set(code, d);
  const list = BY_NAME.get(name) ?? [];
  list.push(d);
  BY_NAME.set(name, list);
}
// a district of a municipality (北京市东城区) hangs from the province-level city
for (const d of CODES.values()) if (d.parent && !CODES.has(d.parent)) d.parent = d.kind === "district" ? `${d.code.slice(0, 2)}0000` : null;

let MAX_NAME = 0;
for (const n of BY_NAME.keys()) MAX_NAME = Math.max(MAX_NAME, n.length);

/** The division with this code, or undefined. */
export const divisionByCode = (code: string) => CODES.get(code);

/** The full path of a division as documents write it: 辽宁省, 大连市, 大连市甘井子区. */
export function regionName(d: Division): string {
  if (d.kind !== "district" || !d.parent) return d.name;
  const p = CODES.get(d.parent)!;
  return p.kind === "province" && !/市$/.test(p.name) ? d.name : p.name + d.name;
}

/** Policy level of a government of this division (CONTRACT.md: 省/自治区/直辖市, 市/盟/州/地区, 县/区/旗/县级市). */
export function levelOf(d: Division): PolicyLevel {
  return d.kind === "province" ? "region" : d.kind === "city" ? "city" : "district";
}

/** Divisions whose full name is written at `at` in s, longest first. */
function namesAt(s: string, at: number): Division[][] {
  const out: Division[][] = [];
  for (let len = Math.min(MAX_NAME, s.length - at); len >= 2; len--) {
    const hit = BY_NAME.get(s.slice(at, at + len));
    if (hit) out.push(hit);
  }
  return out;
}

/**
 * The division named at the head of a title or an issuer: a chain of names
 * (辽宁省大连市甘井子区, 大连市甘井子区) ends at the lowest; a lone name must be
 * unambiguous, or made so by the name before it or by `context` (the body
 * naming the parent city). Null when the head names no division.
 */
export function leadingDivision(head: string, context = ""): Division | null {
  const s = head.replace(/\s+/g, "");
  let at = 0;
  let found: Division | null = null;
  for (;;) {
    const cands = namesAt(s, at);
    if (!cands.length) break;
    const list = cands[0]!;
    let pick: Division | undefined;
    if (found) pick = list.find((d) => isUnder(d, found!));
    else if (list.length === 1) pick = list[0];
    else pick = list.find((d) => d.parent && context.includes(CODES.get(d.parent)?.name ?? "\u0000"));
    if (!pick) break;
    found = pick;
    at += pick.name.length;
  }
  return found;
}

function isUnder(d: Division, above: Division): boolean {
  for (let p = d.parent; p; p = CODES.get(p)?.parent ?? null) if (p === above.code) return true;
  return false;
}

/** The code of a region as a document's `region` writes it (辽宁省, 大连市甘井子区, 内蒙古自治区), or null. */
export function regionCode(region: string): string | null {
  if (!region) return null;
  return leadingDivisionExact(region)?.code ?? null;
}

function leadingDivisionExact(region: string): Division | null {
  const d = leadingDivision(region);
  return d && regionName(d).length === region.replace(/\s+/g, "").length ? d : d && d.name === region ? d : null;
}
