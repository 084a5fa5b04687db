import kinds from "../data/document-kinds.json" with { type: "json" };
import { TITLE_END } from "../shared/patterns.js";
import { parseDocNumber } from "./doc-info.js";
import { flat, type Line } from "./lines.js";
import type { PolicyLevel } from "./types.js";
import { CN_ITEM, markerAt } from "../shared/markers.js";
import { charClass, WHITESPACE } from "../shared/char-class.js";

/**
 * A compilation's 目录: numbered entries (wrapped lines joined) under level
 * headers (一、国家级优惠政策 …), and where each entry's title is printed
 * again in the body.
 */

export interface TocEntry { title: string; docNumber: string | null; level: PolicyLevel | null }

/**
 * An entry's page number: after a tab in a text file, but glued to the title
 * (or after one space) once the 目录 went through PDF or HTML, which keep no
 * tab. Untabbed digits count as a page number only where what stands before
 * them ends a title (意见, 通知, （试行）, a 文号 in brackets), so a title
 * that is still wrapping onto the next line is not taken as finished.
 */
/**
 * Where /\t\s*\d*\s*$/ would match (the leftmost tab followed by nothing but
 * spaces and digits), found from the end in one pass: the regular expression
 * tries from every tab and is quadratic on a row of many tabs.
 */
export function tabPage(t: string): number | null {
  const space = (i: number) => SPACE.has(t.charCodeAt(i));
  let e = t.length;
  while (e > 0 && space(e - 1)) e--;
  const spaceAfter = e; // t[spaceAfter, end) is the trailing space run
  while (e > 0 && t.charCodeAt(e - 1) >= 48 && t.charCodeAt(e - 1) <= 57) e--;
  const digits = e;
  while (e > 0 && space(e - 1)) e--;
  // a tab in the space run before the digits, else (no digits) in the trailing run
  for (let i = e; i < digits; i++) if (t.charCodeAt(i) === 9) return i;
  for (let i = spaceAfter; i < t.length; i++) if (t.charCodeAt(i) === 9) return i;
  return null;
}
const SPACE = charClass(WHITESPACE);
const GLUED_PAGE = /\s?\d{1,4}$/;
const endsTitle = (t: string) => TITLE_END.test(flat(t)) || /号[)）]$/.test(t);

function pageRefAt(t: string): number | null {
  const tab = tabPage(t);
  if (tab !== null) return tab;
  const glued = GLUED_PAGE.exec(t);
  return glued && endsTitle(t.slice(0, glued.index)) ? glued.index : null;
}

/**
 * Only an entry's last characters can hold its page number, and a title suffix is
 * short: whether a wrapping entry is finished is read from its last TAIL characters,
 * kept beside it. An entry whose page number never comes grows by every line read
 * after it; testing (or slicing) the whole of it at each line was quadratic
 * (20 000 such lines: 15 s).
 */
const TAIL = 200;
const tailOf = (t: string) => (t.length > TAIL ? t.slice(t.length - TAIL) : t);

/** The entry text without its page number. */
const withoutPage = (t: string) => t.slice(0, pageRefAt(t) ?? t.length);

/** An opening is this long at most: what a line is compared on. */
const OPENING_MAX = 16;

/**
 * At least the first OPENING_MAX characters of a line's flat form (all of it when
 * shorter): flat keeps or drops each character by itself, so the flat form of the
 * line's head is the head of its flat form. A 目录 of chapters (a plan's) has its
 * body read line by line here: a whole paragraph made flat at each line was most
 * of parseToc.
 */
function flatHead(l: Line): string {
  if (l.text.length <= 2 * OPENING_MAX) return l.flat;
  const head = flat(l.text.slice(0, 2 * OPENING_MAX));
  return head.length >= OPENING_MAX ? head : l.flat;
}

/** Whether `f` (longer than 6) opens with one of `openings`, whose lengths are `lengths`. */
function opensWithAny(f: string, openings: ReadonlySet<string>, lengths: ReadonlySet<number>): boolean {
  if (f.length <= 6) return false;
  for (const n of lengths) if (openings.has(f.slice(0, n))) return true;
  return false;
}

/** Parse a compilation's table of contents: numbered entries (wrapped lines joined) under level headers. */
export function parseToc(lines: Line[]): { entries: TocEntry[]; end: number } | null {
  let at = 0; // a 目录 heading among the first 60 lines
  while (at < Math.min(60, lines.length) && !/^目\s*录$/.test(lines[at]!.text)) at++;
  if (at === Math.min(60, lines.length)) return null;
  const entries: TocEntry[] = [];
  let level: PolicyLevel | null = null;
  let open: TocEntry | null = null;
  let openTail = "";
  // the body starts where an entry's title is printed again: look its opening up in a set (linear)
  const openings = new Set<string>();
  const openingLengths = new Set<number>();
  let i = at + 1;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    // a header opens with its 一、 marker, and what withoutPage leaves is a head of the line: a line
    // without one at its start is no header, and its page number is not looked for (every body line of a plan's 目录 comes here)
    const headerTitle = markerAt(t, CN_ITEM) ? levelHeaderTitle(withoutPage(t), 30) : null;
    const header = headerTitle === null ? null : [t, headerTitle];
    const entry = /^\d{1,3}[.．、]\s*(.+)$/.exec(t);
    // (a 目录 of chapters has no entry, and its loop reads every line of the body: no flat form made for nothing there)
    if (openings.size && opensWithAny(flatHead(lines[i]!), openings, openingLengths)) break;
    if (header && !entry) {
      if (entries.length && entries.some((e) => e.level !== null) && levelOfHeader(header[1]!) === entries[0]!.level) break; // body restarts
      level = levelOfHeader(header[1]!);
      open = null;
      continue;
    }
    if (entry) {
      open = { title: entry[1]!, docNumber: null, level };
      openTail = tailOf(open.title);
      entries.push(open);
      const opening = flat(entry[1]!).slice(0, OPENING_MAX);
      if (opening.length > 6) { openings.add(opening); openingLengths.add(opening.length); }
    } else if (open && pageRefAt(openTail) === null) {
      open.title += t;
      openTail = t.length >= TAIL ? tailOf(t) : tailOf(openTail + t);
    } else if (entries.length >= 2) break;
  }
  if (entries.length < 2) return null;
  // a 目录 of chapters (五年规划) is not a list of documents: fewer than half its entries
  // read as document titles. The entries are read in turn, and no further once that is
  // certain: the entry left open in a plan's body took every line after it (a title as
  // long as the plan), which, cut, made flat and collapsed, was most of parseToc there.
  const titles: string[] = [];
  let docLike = 0;
  for (let k = 0; k < entries.length; k++) {
    if (docLike + (entries.length - k) < entries.length / 2) return null;
    const e = entries[k]!;
    let t = withoutPage(e.title).trim();
    const no = /[(（]([^()（）]*?(?:\d{4}[〕\]］】)）]?\s*第?\s*\d+\s*号|\d{4}年第\d+号))[)）]?$/.exec(t);
    if (no) { e.docNumber = parseDocNumber(no[1]!); t = t.slice(0, no.index); }
    // (flat drops the blanks the title is collapsed at below: its flat form is the same)
    if (TITLE_END.test(flat(t)) || e.docNumber) docLike++;
    titles.push(t);
  }
  if (docLike < entries.length / 2) return null;
  entries.forEach((e, k) => { e.title = titles[k]!.replace(/\s+/g, " ").trim(); });
  return { entries, end: i };
}

export function levelOfHeader(h: string): PolicyLevel | null {
  for (const r of kinds.levelHeaders) if (new RegExp(r.re).test(h)) return r.level as PolicyLevel;
  return null;
}

const OPENING = 8;

/**
 * Find each TOC title in the body, in order; returns the index of its first
 * line. Candidate lines are indexed by their first characters, so the search
 * stays near-linear however many entries are never found.
 */
export function locateTitles(lines: Line[], from: number, entries: TocEntry[]): Array<number | null> {
  const isCandidate = (l: Line) => l.text.length <= 120 && !l.text.includes("。");
  const index = new Map<string, number[]>();
  for (let i = from; i < lines.length; i++) {
    if (!isCandidate(lines[i]!)) continue;
    const k = openingOf(lines, i);
    const list = index.get(k);
    if (list) list.push(i); else index.set(k, [i]);
  }
  const matches = (i: number, key: string, probe: string) => {
    const l = lines[i]!;
    const joined = l.flat + (lines[i + 1]?.flat ?? "");
    return joined.startsWith(probe) || (l.flat.length >= 8 && key.startsWith(l.flat.slice(0, 14)) && similarPrefix(joined, key));
  };
  const found: Array<number | null> = [];
  let cursor = from;
  for (const e of entries) {
    const key = flat(e.title);
    const probe = key.slice(0, Math.min(14, key.length));
    let hit: number | null = null;
    if (key.length >= OPENING) {
      const list = index.get(key.slice(0, OPENING)) ?? [];
      let lo = 0, hi = list.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! < cursor) lo = mid + 1; else hi = mid; }
      for (let k = lo; k < list.length; k++) if (matches(list[k]!, key, probe)) { hit = list[k]!; break; }
    } else {
      for (let i = cursor; i < lines.length; i++) if (isCandidate(lines[i]!) && matches(i, key, probe)) { hit = i; break; }
    }
    found.push(hit);
    if (hit !== null) cursor = hit + 1;
  }
  return found;
}

/**
 * The first OPENING characters of a line's flat form joined to the next's: from
 * the flat form of the line's head when that is long enough (flat keeps or drops
 * each character by itself), so the index of a body's lines makes no whole flat
 * line, nor a joined pair, per line (c6 profile: get flat 30 of locateTitles' 41 ms).
 */
function openingOf(lines: Line[], i: number): string {
  const t = lines[i]!.text;
  if (t.length > 2 * OPENING) {
    const head = flat(t.slice(0, 2 * OPENING));
    if (head.length >= OPENING) return head.slice(0, OPENING);
  }
  return (lines[i]!.flat + (lines[i + 1]?.flat ?? "")).slice(0, OPENING);
}

function similarPrefix(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 24);
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return n >= 8 && same / n >= 0.8;
}

/**
 * The title of a compilation's level header (二、内蒙古自治区优惠政策): a line that is
 * one 一、-style item marker (shared/markers.ts) and 2 to `max` characters after it.
 */
export function levelHeaderTitle(line: string, max: number): string | null {
  const m = markerAt(line, CN_ITEM);
  if (!m || m.raw !== m.marker || !m.marker.endsWith("、")) return null;
  const rest = line.slice(m.raw.length);
  return rest.length >= 2 && rest.length <= max && !rest.includes("\n") ? rest : null;
}
