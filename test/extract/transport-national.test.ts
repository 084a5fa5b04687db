import { describe, expect, it } from "vitest";
import { extractHighways } from "../../src/extract/highways.js";
import { finalize } from "../../src/extract/record.js";
import { docOf } from "../helpers.js";

/**
 * Highways as other provinces print them: dashes set as spaced hyphens, a
 * head written once after a list of coded roads, and route numbers written
 * with the road word (209省道, 省道394, 国道214) instead of a letter code.
 */
const roads = (text: string) => {
  const doc = docOf(text, { region: "甘肃省", region_code: "620000" });
  return finalize("highways", doc, extractHighways(doc)).map((r) => ({ name: r.name, code: r.code, stops: r.stops, road_class: r.road_class, stage: r.stage }));
};

describe("highways written the way other provinces print them", () => {
  it("a dash printed ' - -' between places is a dash: the road has its two ends", () => {
    expect(roads("建设大理 - -保山高速公路、昆明--石林高速公路。")).toEqual([
      { name: "大理—保山高速公路", code: null, stops: ["大理", "保山"], road_class: "expressway", stage: "building" },
      { name: "昆明—石林高速公路", code: null, stops: ["昆明", "石林"], road_class: "expressway", stage: "building" },
    ]);
  });

  it("a coded list shares the head (and the region's part) written once on its last item", () => {
    expect(roads("建成G7京新、G7011十天高速公路甘肃段。").map((r) => [r.code, r.name, r.stage])).toEqual([
      ["G7", "G7京新高速公路甘肃段", "completed"], ["G7011", "G7011十天高速公路甘肃段", "completed"],
    ]);
    expect(roads("加快G6京藏、G30连霍高速公路扩容改造。").map((r) => r.name)).toEqual(["G6京藏高速公路扩容改造", "G30连霍高速公路扩容改造"]);
  });

  it("a section named by its ends stays with its own road", () => {
    const rs = roads("推进G6京藏、G30连霍高速公路清水驿至忠和段建设。");
    expect(rs.map((r) => [r.name, r.stops])).toEqual([["G6京藏高速公路", []], ["G30连霍高速公路清水驿至忠和段", ["清水驿", "忠和"]]]);
  });

  it("route numbers written with the road word: 209省道, 省道394, 国道312, 国道214 …公路", () => {
    const rs = roads("改造209省道张掖至肃南段、省道394、国道312线和国道214西宁至澜沧公路。");
    expect(rs).toEqual([
      { name: "209省道张掖至肃南段", code: "S209", stops: ["张掖", "肃南"], road_class: "provincial", stage: "building" },
      { name: "省道394", code: "S394", stops: [], road_class: "provincial", stage: "building" },
      { name: "国道312线", code: "G312", stops: [], road_class: "national", stage: "building" },
      { name: "国道214西宁至澜沧公路", code: "G214", stops: ["西宁", "澜沧"], road_class: "national", stage: "building" },
    ]);
  });

  it("改建 stages a road like 新建 (改建国道204、国道308青岛段)", () => {
    expect(roads("改建国道204、国道308青岛段，新建省道217。").map((r) => [r.name, r.code, r.stage])).toEqual([
      ["国道204", "G204", "building"], ["国道308青岛段", "G308", "building"], ["省道217", "S217", "building"],
    ]);
  });

  it("a length after the road word is no route number", () => {
    expect(roads("新改建国道1500公里、省道2000公里。")).toEqual([]);
  });
});

describe("a head inside a quoted service brand is no line", () => {
  it("组织运营好“东北铁路快运”，加快建设太平湾铁路专用线", async () => {
    const { extractRailways } = await import("../../src/extract/railways.js");
    const doc = docOf("组织运营好“东北铁路快运”，加快建设太平湾铁路专用线。");
    expect(finalize("railways", doc, extractRailways(doc)).map((r) => [r.name, r.stage])).toEqual([["太平湾铁路专用线", "building"]]);
  });
});
