import { describe, expect, it } from "vitest";
import { extractTargets } from "../../src/extract/targets.js";
import { outsidePlaceNames, placeOpeningClause } from "../../src/shared/places.js";
import { docOf } from "../helpers.js";

const at = (s: string) => s.search(/\d+(?:\.\d+)?(?:万|亿|%)/);
const opening = (s: string, region: string | null) => placeOpeningClause(s, at(s), region);

describe("a target's region from a place the clause opens with (issue 14)", () => {
  it.each([
    ["到2030年，满洲里口岸过货量达到3000万吨", "150000", "呼伦贝尔市满洲里市"],
    ["呼包鄂乌城市群地区生产总值达到2万亿元", "150000", "呼包鄂乌"], // the overlay's name for four cities
    ["力争到2027年，赤峰市新能源装机规模达到3000万千瓦", "150000", "赤峰市"],
    ["金州区地区生产总值增长8%", "210200", "大连市金州区"], // a district resolved through the document's city
  ])("%s → %s", (s, region, expected) => expect(opening(s, region)).toBe(expected));

  it.each([
    ["全区地区生产总值增长6%左右", "150000"], // the document's own area
    ["内蒙古粮食产量稳定在800亿斤", "150000"], // the document's region itself
    ["北京市地区生产总值增长5%", "150000"], // a place outside the document's region
    ["推进乌海及周边地区、呼包鄂巴等重点区域大气污染防治，PM2.5浓度下降10%", "150000"], // no place at the clause head
    ["呼包鄂乌城市群地区生产总值达到2万亿元", "210000"], // Inner Mongolia's overlay does not serve Liaoning
  ])("%s → the document's region", (s, region) => expect(opening(s, region)).toBeNull());

  it("the targets extractor writes it; other targets keep the document's region", () => {
    const text = "到2030年，满洲里口岸过货量达到3000万吨，全区粮食产量稳定在800亿斤以上。";
    const rs = extractTargets(docOf(text, { plan_period: [2026, 2030] })).map((d) => [d.fields.value, d.fields.region]);
    expect(rs).toEqual([[3000, "呼伦贝尔市满洲里市"], [800, "内蒙古自治区"]]);
  });
});

describe("a list joint inside a place name is no joint (the 和 of 呼和浩特, from data)", () => {
  const he = new RegExp(outsidePlaceNames("和"), "g");
  const joints = (s: string) => [...s.matchAll(he)].map((m) => m.index);
  it.each([
    ["呼和浩特、和林格尔和乌兰布和", [9]], // Inner Mongolia's overlay (乌兰布和) and its divisions
    ["和平区和太和县", [3]], // divisions elsewhere, named in full
    ["能源和交通", [2]],
    ["交通和平台", [2]], // 和平 alone is no place name in text
  ])("%s → %j", (s, at) => expect(joints(s)).toEqual(at));
});
