import { describe, expect, it } from "vitest";
import { spanFinder } from "../../../src/extract/targets/ahead.js";
import { nextQuantityStart } from "../../../src/shared/numbers.js";
import { FYP, targets } from "./helpers.js";

describe("spanFinder: one search answers for the spans before the next place", () => {
  it("spans asked in order search once per place, never past the document", () => {
    // a document [0, 20) of a source whose next document holds a value
    const text = "推进统一大市场建设，到2030年新增5亩，进一步优化营商环境。下一文件：新增9亩";
    const hi = text.indexOf("下");
    const searched: string[] = [];
    const may = spanFinder(text, 0, hi, [(body, from) => { searched.push(body.slice(from)); return nextQuantityStart(body, from); }]);
    const c1 = [0, 9], c2 = [10, 20], c3 = [21, hi - 1];
    expect(may(c1[0]!, c1[1]!)).toBe(false);
    expect(may(c2[0]!, c2[1]!)).toBe(true);
    expect(may(c3[0]!, c3[1]!)).toBe(false);
    // the first search found 2030 in the second clause and answered for both; the one from the third clause stops at the document's end
    expect(searched.length).toBe(2);
    expect(searched.every((b) => !b.includes("下一文件"))).toBe(true);
    // a span outside the document is read in full
    expect(may(hi, text.length)).toBe(true);
  });
  it("a paragraph whose sentences hold no value passes them, and finds the values and end states after them (fyp style)", () => {
    const rs = targets("推进统一大市场建设，进一步优化营商环境。到2030年，粮食产量稳定在1.3亿吨以上，行政村5G网络实现全覆盖。持续深化改革，统一规划。", FYP);
    expect(rs.map((r) => [r.indicator, r.value, r.value_text])).toEqual([["粮食产量", 1.3, "1.3亿吨以上"], ["行政村5G网络", null, "全覆盖"]]);
  });
});
