import { describe, expect, it } from "vitest";
import { itemsOf } from "../../src/extract/subsidies/text.js";
import type { Doc } from "../../src/structure/types.js";
import { docOf, SEED, seedLine, seedText } from "../helpers.js";

/**
 * itemsOf joins an item's blocks with a line break after a title line or a finished sentence and
 * with nothing after a wrapped line. It reads the last line on the source as blocks are added; the
 * rule it implements, written here as the regular expression over the text joined so far:
 */
function joinedByRule(doc: Doc, blocks: Doc["blocks"]): string {
  let text = "";
  for (const b of blocks) {
    const lastLine = text.slice(text.lastIndexOf("\n") + 1);
    if (text && /[。；！？：:）〕\n]$|^[^，,]{0,40}$/.test(lastLine)) text += "\n";
    text += doc.source.text.slice(b.start, b.end);
  }
  return text;
}

describe("subsidies items", () => {
  it("a title line of 40 characters or fewer without a comma is followed by a line break", () => {
    const title = seedLine(SEED.news, 15);
    expect(title).toBe("（一）指导思想");
    const body = seedLine(SEED.news, 17);
    const [item] = itemsOf(docOf(`${title}\n${body}`)).filter((it) => it.text.startsWith(title));
    expect(item!.text.startsWith(`${title}\n${body.trim().slice(0, 10)}`)).toBe(true);
  });

  it("a line holding a comma that ends mid-sentence runs on into the next", () => {
    const heading = seedLine(SEED.annual, 23);
    expect(heading).toContain("，");
    const body = seedLine(SEED.annual, 24);
    const item = itemsOf(docOf(`${heading}\n${body}`)).find((it) => it.text.includes(heading));
    expect(item!.text).toContain(heading + body.trim().slice(0, 10));
  });

  it("over the seeds, every item's text is its blocks joined by the rule", () => {
    let multi = 0;
    for (const name of Object.values(SEED)) {
      const doc = docOf(seedText(name));
      for (const item of itemsOf(doc)) {
        if (item.blocks.length > 1) multi++;
        expect(item.text).toBe(joinedByRule(doc, item.blocks));
      }
    }
    expect(multi).toBeGreaterThan(100);
  });

  it("lines of every length around 40, with and without commas and line breaks inside blocks", () => {
    const lines: string[] = [];
    for (let n = 36; n <= 44; n++) {
      lines.push("一".repeat(n), "二".repeat(n - 1) + "，", "，" + "三".repeat(n - 1), "四".repeat(n - 1) + "。", "五".repeat(n) + "：");
    }
    const doc = docOf(lines.join("\n"));
    for (const item of itemsOf(doc)) expect(item.text).toBe(joinedByRule(doc, item.blocks));
  });
});
