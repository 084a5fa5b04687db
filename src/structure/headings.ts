import type { Heading } from "./types.js";

/**
 * Heading markers of Chinese policy documents, outermost first. Each rule is
 * anchored at the line start and bounded, so matching is linear.
 */
const CN_NUM = "一二三四五六七八九十百零〇两";
const RULES: Array<{ level: number; re: RegExp; box?: boolean }> = [
  { level: 1, re: new RegExp(`^第[${CN_NUM}\\d]{1,4}篇`) },
  { level: 2, re: new RegExp(`^第[${CN_NUM}\\d]{1,4}章`) },
  { level: 3, re: new RegExp(`^第[${CN_NUM}\\d]{1,4}节`) },
  { level: 4, re: /^专栏\s?\d{1,3}/, box: true },
  { level: 5, re: new RegExp(`^[${CN_NUM}]{1,3}[、.．]`) },
  { level: 6, re: new RegExp(`^[（(][${CN_NUM}]{1,3}[)）]`) },
  { level: 7, re: /^\d{1,2}(?:[、．]|\.(?!\d))/ },
  { level: 8, re: /^[（(]\d{1,2}[)）]/ },
  { level: 7, re: new RegExp(`^第[${CN_NUM}\\d]{1,4}条`) },
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
    return { level: r.level, marker, label: labelOf(line), box: !!r.box };
  }
  return undefined;
}
