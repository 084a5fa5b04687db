import kinds from "../data/document-kinds.json" with { type: "json" };
import { DATE_LINE, DOC_NUMBER_LINE, endsLikeDocNumber, TITLE_END } from "../shared/patterns.js";
import { detectHeading } from "./headings.js";
import { flat, type Line } from "./lines.js";
import { charClass, trimEndOf, trimStartOf, WHITESPACE } from "../shared/char-class.js";

/** a title line without Markdown marks (#, *) and spaces at either end */
const MARKS = charClass(`${WHITESPACE}#*`);
const unmarked = (s: string) => trimEndOf(trimStartOf(s, MARKS), MARKS);

/**
 * A document's title: where its title block stands (findTitleLine), what it
 * says with its wrapped lines joined (readTitle), and what names a document
 * that prints none (the HTML page title, else the file name). Page noise a
 * web page or a newspaper scan prints above a title (a JSP directive, a
 * masthead with its date and page) never starts or continues a title.
 */

/** Server-side template code left in a page's text (<%@ page …%>, <?php …?>, <!-- … -->): stripped from a line's head. */
const MARKUP_HEAD = /^(?:\s*(?:<%[^%]*(?:%(?!>)[^%]*)*%>|<\?[^?]*(?:\?(?!>)[^?]*)*\?>|<!--[^-]*(?:-(?!->)[^-]*)*-->))+\s*/;
/** A page's furniture (masthead, page, weekday, byline, counters, breadcrumb): data in document-kinds.json. */
const FURNITURE = new RegExp(kinds.pageFurniture.join("|"));
/** Characters of code and markup, which a title never prints. */
const CODE_CHARS = /[<>{}=;|\\]|%>|<%/;

/** A line's text without the markup at its head (its offset in the line is `cut`). */
export function withoutMarkup(text: string): { text: string; cut: number } {
  const m = MARKUP_HEAD.exec(text);
  return m ? { text: text.slice(m[0].length), cut: m[0].length } : { text, cut: 0 };
}

/** True when a line holds a page's furniture: a masthead with its page or weekday, a byline, a breadcrumb. */
export const isPageFurniture = (text: string): boolean => FURNITURE.test(text);

/** True when a line is page noise, not document text: code, a masthead, a dateline with more on it, a breadcrumb. */
export function isPageNoise(text: string): boolean {
  const t = withoutMarkup(text).text;
  if (!t) return true;
  if (CODE_CHARS.test(t) || FURNITURE.test(t)) return true;
  // a full date with other words on the line is a dateline (吉林日报 2015年05月20日), never part of a title
  return FULL_DATE.test(t) && !DATE_LINE.test(t.replace(/\s+/g, "")) && !/[(（]\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[)）]$/.test(t);
}
const FULL_DATE = /\d{4}\s*[年\-./]\s*\d{1,2}\s*[月\-./]\s*\d{1,2}\s*日?/;

/** A line that only marks an omission (略, （略）, ……): the reprint left something out. */
const OMISSION = /^[(（]?(?:略|……|…)[)）]?$/;

/** A line that may go on a title block: short, none of the `stops` marks, no heading, 文号, omission or noise. */
function titleLike(t: string, maxLen: number, stops = /[。，：:]/): boolean {
  return t.length <= maxLen && !stops.test(t) && !detectHeading(t) && !OMISSION.test(t) && !isPageNoise(t) && !parseDocNumberLike(t);
}
const parseDocNumberLike = (t: string) => { const s = t.trim(); return endsLikeDocNumber(s) && DOC_NUMBER_LINE.test(s); };

/** Index of the line that starts a single document's title (skipping news headlines, cover lines and page noise), in lines [from, to). */
export function findTitleLine(lines: Line[], from = 0, to = lines.length): number | null {
  const limit = Math.min(to, from + 40);
  for (let i = from; i < limit; i++) {
    const t = withoutMarkup(lines[i]!.text).text;
    if (t.startsWith("#") || t.length > 80 || /[。，]/.test(t) || detectHeading(t) || OMISSION.test(t) || isPageNoise(t)) continue;
    // a title may wrap over up to three short lines: test the joined text
    let joined = "";
    for (let k = i; k < Math.min(i + 3, limit); k++) {
      const tk = k === i ? t : lines[k]!.text;
      if (k > i && !titleLike(tk, 40)) break;
      joined += flat(tk);
      if (TITLE_END.test(joined)) return i;
    }
  }
  return null;
}

/** Title lines starting at `i`: a wrapped title continues until it ends in a document-kind word. */
export function readTitle(lines: Line[], i: number, end: number): { title: string; last: number; cut: number } {
  const head = withoutMarkup(lines[i]!.text);
  let title = unmarked(head.text);
  let last = i;
  while (!TITLE_END.test(flat(title)) && last + 1 < end && last - i < 3) {
    const next = lines[last + 1]!;
    if (DATE_LINE.test(next.text) || !titleLike(next.text, 60, /[。：:]/)) break;
    title += unmarked(next.text);
    last++;
  }
  // a version or status note wrapped onto the next line still belongs to the title: 2023年修订版（试行）
  const tail = lines[last + 1];
  if (tail && last + 1 < end && TITLE_TAIL.test(tail.text.replace(/\s+/g, ""))) {
    title += tail.text;
    last++;
  }
  return { title: title.replace(/\s+/g, " ").replace(/(?<=[\u4e00-\u9fff《》“”]) (?=[\u4e00-\u9fff《》“”])/g, (_s: string, off: number, all: string) => (isIssuerGap(all, off) ? " " : "")), last, cut: head.cut };
}

const TITLE_TAIL = /^(?:\d{4}年?(?:修订|修正)?版)?(?:[(（](?:试行|暂行|征求意见稿|\d{4}(?:年)?版)[)）])?$/;

/** Keep the space between two issuing bodies (`中共中央 国务院`), drop spaces from line wraps. */
function isIssuerGap(title: string, off: number): boolean {
  const before = title.slice(0, off);
  const after = title.slice(off + 1);
  return ISSUER_END.test(before) && !/关于|印发/.test(before) && ISSUER_START.test(after);
}

export const ISSUER_END = new RegExp(`${kinds.issuerEnds}$`);
export const ISSUER_START = new RegExp(`^${kinds.issuerStarts}`);

/** A file's name without its extension. */
export const fileTitle = (file: string) => file.replace(/\.[^.]+$/, "") || file;

/**
 * The name of a document whose body prints no title (contract v3): the HTML
 * page title, which the HTML reader puts first when the body does not print
 * it, else the file name without its extension.
 */
export function untitledTitle(file: string, format: string, first: Line | undefined): string {
  if (format === "html" && first && first.text.length >= 4 && titleLike(first.text, 60)) return first.text.replace(/\s+/g, " ");
  return fileTitle(file);
}

/**
 * Name of text whose title is not printed before a compilation's first
 * document (a newspaper reprint): an opening like "为贯彻落实《X》精神……提出如下
 * 实施意见" names it "贯彻落实《X》的实施意见"; otherwise its first clause stands for it.
 */
export function untitledName(opening: string): string {
  const ref = /(?:贯彻落实|落实|贯彻|根据|按照)(《[^《》]{2,80}》)/.exec(opening);
  const kind = /(?:提出|制定)(?:如下|以下|本)([\u4e00-\u9fff]{2,6}?)(?:[。，；]|$)/.exec(opening);
  if (ref && kind && TITLE_END.test(kind[1]!)) return `关于贯彻落实${ref[1]}的${kind[1]}`;
  return opening.split(/[，。；]/)[0]!.slice(0, 60);
}
