import kinds from "../data/document-kinds.json" with { type: "json" };

/**
 * Line shapes shared by normalisation (which must not glue them to a
 * neighbour) and document structure (which reads them).
 */

/** Ends like a document title: 意见, 通知, 实施细则2023年修订版（试行）… */
export const TITLE_END = new RegExp(`(?:${kinds.titleSuffixes.join("|")})(?:\\d{4}年?(?:修订|修正)?版)?(?:[(（][^()（）]{1,20}[)）])?$`);

/** 文号 line: 国发〔2023〕16号, (内科发政字[2021]15号), 财政部 税务总局公告 2023 年第 5 号 */
// The lookahead first: every 文号 ends in 号, and without it the Chinese runs of a long
// line would be tried split every way the optional spaces allow before the line fails.
export const DOC_NUMBER_LINE = /^(?=[^]*号[)）]?$)[(（]?([\u4e00-\u9fff]{1,12}(?:\s?[\u4e00-\u9fff]{1,8}){0,3}\s?(?:[〔［【\[(（]\s?\d{4}\s?[〕］】\])）]\s?第?\s?\d{1,4}\s?号|\d{4}\s?年\s?第\s?\d{1,4}\s?号))[)）]?$/;

/**
 * What DOC_NUMBER_LINE's lookahead asks, by two character reads: the line ends
 * in 号, or 号 and one closing bracket. Run before the pattern on every line a
 * document is split by: most lines fail here, without the pattern reading the
 * whole line to its end (numberedHeads over c6: parseDocNumber 32 of 36 ms).
 */
export function endsLikeDocNumber(t: string): boolean {
  // every operation runs on every call, none in a branch taken only by a bracketed 文号: V8 compiles
  // this function early (it runs on every line) and left a `k--` there without type feedback, which
  // deoptimized the compiled code at the first line ending in ) or ）; and an empty line is not
  // read at -1 (an index out of bounds deoptimizes it too)
  const last = t.length - 1;
  const c = last >= 0 ? t.charCodeAt(last) : -1;
  const k = last - (c === 0x29 || c === 0xff09 ? 1 : 0); // ) ）
  return k >= 0 && t.charCodeAt(k) === 0x53f7; // 号
}

/** A line that is only a date: 2025年2月5日, (2024年7月31日), 2026年2月 (spaces already squeezed) */
export const DATE_LINE = /^[(（]?(\d{4})\s?年\s?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?日)?[)）]?$/;

/** Addressee line of an official document: 各省、自治区、直辖市人民政府，…： */
export const ADDRESSEE_LINE = /^各[\u4e00-\u9fff、，,\s]{2,80}[:：]$/;
