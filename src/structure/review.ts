import review from "../data/review-headings.json" with { type: "json" };
import { byLength, holdsAny } from "../shared/lexicon.js";
import { HEADING_KINDS, stripMarker } from "../shared/markers.js";
import { charClass, trimEndOf, WHITESPACE } from "../shared/char-class.js";

const PAGE_TAIL = charClass(`${WHITESPACE}.。…0123456789`);

/**
 * A heading that opens a review of past results. Its title (after the
 * marker and an optional year or plan period) either opens with a review word
 * and is not much longer ("第一节 发展成就", "一、2024年工作回顾"), or is a short
 * heading holding an unambiguous review word ("2024年经济社会发展主要成就").
 * A long heading that merely mentions such a word is not a review.
 */
const OPENING = byLength(review.opening);
const ANYWHERE = byLength(review.anywhere);
const LEAD = /^(?:\d{4}年度?|[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间|规划)?|上年|去年)?/;
const SHORT_HEADING = 16;

/** every word either test looks for: a title holds one of them before either can pass */
const ANY_WORD = byLength([...new Set([...review.opening, ...review.anywhere])]);

export function isReviewHeading(label: string): boolean {
  // the title is a part of the label: one search answers for most headings, before
  // the marker is parsed again (up to six patterns for a 1. item heading)
  if (!holdsAny(label, ANY_WORD)) return false;
  // a 目录 line's leader dots and page number are no part of the heading
  const title = trimEndOf(stripMarker(label, HEADING_KINDS).replace(LEAD, ""), PAGE_TAIL);
  if (OPENING.some((w) => title.startsWith(w) && title.length <= w.length + 6)) return true;
  return title.length <= SHORT_HEADING && holdsAny(title, ANYWHERE);
}
