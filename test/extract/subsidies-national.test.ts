import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { finalize } from "../../src/extract/record.js";
import { docOf } from "../helpers.js";

/** Contract v3 rules met in real policies of other provinces (sentences from corpus/dev, Liaoning). */
function subs(text: string) {
  const doc = docOf(text, { policy_level: "district" });
  return finalize("subsidies", doc, extractSubsidies(doc));
}

describe("subsidies written as in other provinces", () => {
  it("万 without 元 is yuan (a 扶持 part names the payout); the thresholds are no amounts", () => {
    const rs = subs("在我区入驻三年及以上的存量总部企业，可申请经营规模拓展扶持，扶持的标准为：主营业务收入首次超过1.5亿元、3亿元、5亿元、10亿元、50亿元的，分别一次性给予企业10万、20万、30万、50万、100万。");
    expect(rs.map((r) => r.amount_yuan).sort((a, b) => a! - b!)).toEqual([100000, 200000, 300000, 500000, 1000000]);
    expect(rs.every((r) => r.instrument === "funding" && r.frequency === "one_time")).toBe(true);
    const lists = subs("对首次入选“世界500强”、“国内制造业500强”的总部企业，分别扶持5000万、500万。");
    expect(lists.map((r) => r.amount_yuan).sort((a, b) => a! - b!)).toEqual([5000000, 50000000]);
  });

  it("a cap on the payout itself (支持额度不超过) is a cap, not a condition on the applicant", () => {
    const [r] = subs("1.并购海外科技型企业的项目，按核定后并购金额的20%给予支持，单项补助支持额度不超过3000万元。");
    expect([r!.rate_pct, r!.amount_max_yuan]).toEqual([20, 30000000]);
  });

  it("instalments of one award (按40%、30%、30%的比例分三年发放) give no records of their own", () => {
    const rs = subs("扶持的标准为：按购房价的5%给予补助，补助金额最高不超过200万元，按40%、30%、30%的比例分三年发放。");
    expect(rs.map((r) => [r.rate_pct, r.amount_max_yuan, r.frequency, r.years])).toEqual([[5, 2000000, "multi_year", 3]]);
  });
});

describe("contract v3 fields", () => {
  it("a rate range gives rate_pct and rate_pct_high (按5%—20%给予补助)", () => {
    const [r] = subs("对企业研发投入按5%—20%给予补助，单笔补助不超过100万元。");
    expect([r!.rate_pct, r!.rate_pct_high, r!.amount_max_yuan, r!.amount_total_max_yuan]).toEqual([5, 20, 1000000, null]);
  });
});
