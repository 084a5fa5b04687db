import { describe, expect, it } from "vitest";
import { listRuns } from "../../src/shared/lists.js";
import { fixOcrDashes, splitStops } from "../../src/shared/places.js";
import { governedStage, stageAt } from "../../src/shared/stage.js";

/** Spans of the given item texts in `s`, searched left to right. */
function spans(s: string, items: string[]) {
  let from = 0;
  return items.map((t) => {
    const start = s.indexOf(t, from);
    expect(start, t).toBeGreaterThanOrEqual(0);
    from = start + t.length;
    return { start, end: start + t.length };
  });
}

describe("listRuns: one governing verb per list, until the next verb", () => {
  it("建成 A、B，开工建设 C、D，积极推进 E 前期工作", () => {
    const s = "建成苏尼特左旗、多伦县通用机场，开工建设阿尔山、海拉尔机场改扩建项目，积极推进宁城县通用机场前期工作。";
    const runs = listRuns(s, spans(s, ["苏尼特左旗", "多伦县通用机场", "阿尔山", "海拉尔机场改扩建项目", "宁城县通用机场"]));
    expect(runs.map((r) => [r.items, r.stage])).toEqual([[[0, 1], "completed"], [[2, 3], "start"], [[4], "preparation"]]);
  });

  it("a clause of bare items carries the stage of the list before it", () => {
    const s = "建成包银高铁、太锡铁路，集通铁路。";
    const runs = listRuns(s, spans(s, ["包银高铁", "太锡铁路", "集通铁路"]));
    expect(runs.map((r) => [r.stage, r.inherited])).toEqual([["completed", false], ["completed", true]]);
  });

  it("items with no verb anywhere have no stage", () => {
    const s = "以中蒙俄中线铁路为支撑。";
    expect(listRuns(s, spans(s, ["中蒙俄中线铁路"]))[0]!.stage).toBeNull();
  });
});

describe("governedStage (contract verb table)", () => {
  it.each([
    ["建成", "", "completed"], ["开工建设", "", "start"], ["新建", "", "building"], ["积极推进", "前期工作", "preparation"],
    ["研究推进", "", "preparation"], ["配合国家建设", "", "other"], ["争取", "开工", "start"], ["加快", "建设", "building"],
    ["利用", "开行齐齐哈尔至海拉尔至满洲里动车", "other"], ["启动", "扩容改造", "start"], ["推进", "开行动车改造", "building"], ["加快推进", "升级改造可行性研究", "preparation"],
    ["推进", "规划建设", "preparation"], ["推动", "论证", "preparation"], ["推进", "建设", "building"],
  ])("%s … %s → %s", (g, t, stage) => {
    expect(governedStage(g, t)).toBe(stage);
  });
  it("no verb → null", () => expect(governedStage("以", "为支撑")).toBeNull());
  it("a later 前期工作 of another object does not re-stage the list", () => {
    expect(governedStage("建成", "，并开展配套项目前期工作")).toBe("completed");
    expect(governedStage("积极推进", "高速公路前期工作")).toBe("preparation");
  });
  it("stageAt keeps its behaviour: the nearest verb before the item", () => {
    expect(stageAt("开工建设阿尔山机场", 4)).toBe("start");
    expect(stageAt("推进宁城县通用机场前期工作", 2, 9)).toBe("preparation");
  });
});

describe("stops and OCR dashes", () => {
  it.each([
    ["包头经鄂尔多斯至榆林", ["包头", "鄂尔多斯", "榆林"]],
    ["集宁一大同一原平", ["集宁", "大同", "原平"]],
    ["阿木古郎至罕达盖至杜拉尔至阿尔山", ["阿木古郎", "罕达盖", "杜拉尔", "阿尔山"]],
    ["海拉尔—赤塔—乔巴山", ["海拉尔", "赤塔", "乔巴山"]],
    ["克什克腾至经棚", ["克什克腾", "经棚"]],
    ["包（银）海", ["包（银）海"]],
    ["京蒙一体化", ["京蒙一体化"]],
  ])("%s → %j", (chain, stops) => {
    expect(splitStops(chain)).toEqual(stops);
  });
  it("一 stays a numeral inside words: 一级, 一体化, 统一", () => {
    expect(fixOcrDashes("呼和浩特至托克托一级公路")).toBe("呼和浩特至托克托一级公路");
    expect(fixOcrDashes("区域一体化")).toBe("区域一体化");
    expect(fixOcrDashes("二连浩特一扎门乌德")).toBe("二连浩特—扎门乌德");
  });
  it("hostile chains complete", () => {
    expect(splitStops("至".repeat(100_000) + "经一".repeat(100_000)).length).toBeGreaterThanOrEqual(0);
  });
});
