import type { Heading } from "./types.js";

/**
 * Heading markers of Chinese policy documents, outermost first, as they are
 * printed in the wild: 第十条 / 第10条 / 第1 0条 (digits set apart), 第 一 章,
 * "二 、" (a space before the mark), half- and full-width brackets with spaces
 * inside them (( 一 ), （ 1 ）), circled numbers (⑴, ①). An article (第X条)
 * sits under its chapter and section and holds its own items ((一), 1.), so
 * it ranks between 节 and 一、. Each rule is anchored at the line start and
 * bounded (one optional space between marks), so matching is linear.
 */
const CN = "[一二三四五六七八九十百零〇两]";
/** a numeral of up to four marks, Chinese or digits, with single spaces allowed between them */
const NUM = `(?:${CN}(?: ?${CN}){0,3}|\\d(?: ?\\d){0,3})`;
const RULES: Array<{ level: number; re: RegExp; box?: boolean }> = [
  { level: 1, re: new RegExp(`^第 ?${NUM} ?篇`) },
  { level: 2, re: new RegExp(`^第 ?${NUM} ?章`) },
  { level: 3, re: new RegExp(`^第 ?${NUM} ?节`) },
  { level: 4, re: /^专栏 ?\d{1,3}/, box: true },
  { level: 5, re: new RegExp(`^${CN}{1,3} ?[、.．]`) },
  { level: 6, re: new RegExp(`^[（(] ?${CN}{1,3} ?[)）]`) },
  { level: 7, re: /^\d{1,2}(?: ?[、．]|\.(?!\d))/ },
  { level: 8, re: /^[（(] ?\d{1,2} ?[)）]|^[⑴-⒇]/ },
  { level: 9, re: /^[①-⑳]/ },
  { level: 4.5, re: new RegExp(`^第 ?${NUM} ?条`) },
];

/** Title part of a heading line: up to the first sentence end, trimmed to a short label. */
function labelOf(line: string): string {
  const cut = line.search(/[。；：:]/);
  let t = (cut >= 0 ? line.slice(0, cut) : line).replace(/\t.*$/, "").replace(/\s+/g, " ").trim();
  if (t.length > 40) t = t.slice(0, 40) + "…";
  return t;
}

export function detectHeading(line: string): Heading | undefined {
  for (const r of RULES) {
    const m = r.re.exec(line);
    if (!m) continue;
    const marker = m[0].replace(/\s+/g, "");
    // the label writes the marker without the spaces printed inside it (第1 0条 → 第10条)
    return { level: r.level, marker, label: labelOf(marker + line.slice(m[0].length)), box: !!r.box };
  }
  return undefined;
}
