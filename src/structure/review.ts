import review from "../data/review-headings.json" with { type: "json" };
import { byLength } from "../shared/lexicon.js";
import { HEADING_KINDS, stripMarker } from "../shared/markers.js";

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

export function isReviewHeading(label: string): boolean {
  const title = stripMarker(label, HEADING_KINDS).replace(LEAD, "").replace(/[.。…\s\d]+$/, "");
  if (OPENING.some((w) => title.startsWith(w) && title.length <= w.length + 6)) return true;
  return title.length <= SHORT_HEADING && ANYWHERE.some((w) => title.includes(w));
}
