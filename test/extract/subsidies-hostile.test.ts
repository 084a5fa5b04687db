import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { docOf, SEEDS } from "../helpers.js";

/**
 * Hostile sizes for the subsidies passes (issue 12): every pass appends in loops and looks
 * back a bounded distance, so long lists and long items neither overflow the stack nor lose
 * records. Times are measured by `npm run bench`, not here.
 */
describe("subsidies on hostile input", () => {
  it("对 + 100万元、×30 000 + 企业给予一次性奖励: one record per amount, all with the shared phrase", () => {
    const n = 30_000;
    const drafts = extractSubsidies(docOf(`对${"100万元、".repeat(n)}企业给予一次性奖励。`));
    expect(drafts.length).toBe(n);
    expect(drafts.every((d) => d.fields.amount_yuan === 1000000 && d.fields.frequency === "one_time" && d.fields.instrument === "award")).toBe(true);
  });

  it("a part of 200 000 digits before a payout that names no recipient: the look back for one stays linear", () => {
    // recipientBefore asks of each part before whether it states an amount; that test re-read a digit run from each of its
    // starts (about 90 s here, past the test timeout; linear: well under a second)
    const n = 200_000;
    const drafts = extractSubsidies(docOf(`${"1".repeat(n)}；给予10万元补贴。`));
    expect(drafts.map((d) => d.fields.amount_yuan)).toEqual([100000]);
  });

  it("an item of 20 000 sentences, each with its own payout and term, keeps each term on its own sentence", () => {
    const n = 20_000;
    const text = "（一）支持企业发展。" + "对新认定的企业给予10万元补贴，补贴期限3年。对其他企业给予5万元奖励。".repeat(n);
    const drafts = extractSubsidies(docOf(text));
    expect(drafts.length).toBe(2 * n);
    const subsidies = drafts.filter((d) => d.fields.instrument === "subsidy");
    expect(subsidies.every((d) => d.fields.frequency === "multi_year" && d.fields.years === 3)).toBe(true);
    expect(drafts.filter((d) => d.fields.instrument === "award").every((d) => d.fields.frequency === null)).toBe(true);
  });

  it("a 分别 list of 20 000 amounts with one cap and one cumulative cap sets both on every member", () => {
    const n = 20_000;
    const drafts = extractSubsidies(docOf(`对企业按销售额的${"3%、".repeat(n - 1)}3%分别给予奖励，单笔奖励不超过100万元，累计不超过1000万元。`));
    expect(drafts.length).toBe(n);
    expect(drafts.every((d) => d.fields.amount_max_yuan === 1000000 && d.fields.amount_total_max_yuan === 10000000 && d.fields.rate_pct === 3)).toBe(true);
  });

  it("the seeds with their newlines removed (one 600 KB line) extract without throwing, with records", () => {
    const flat = readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), "utf8")).join("").replace(/\n/g, "");
    const drafts = extractSubsidies(docOf(flat));
    expect(drafts.length).toBeGreaterThan(100);
  });
});
