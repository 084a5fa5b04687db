import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEEDS, seedText } from "../helpers.js";
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
  it("dashes written as -, －, – between Chinese become —, several in one name (集宁一大同一原平)", () => {
    expect(fixOcrDashes("集宁一大同一原平铁路")).toBe("集宁—大同—原平铁路");
    expect(fixOcrDashes("乌兰察布-二连浩特铁路")).toBe("乌兰察布—二连浩特铁路");
    expect(fixOcrDashes("包头－银川高铁")).toBe("包头—银川高铁");
    expect(fixOcrDashes("呼和浩特新机场")).toBe("呼和浩特新机场");
  });
  it("the same names as the character-by-character repair it replaced, over every line of the seeds", () => {
    const NOT_AFTER = /^(?:体|级|批|流|带|路|线|区|圈|核|廊|号|期|道|类|站|次|揽子|系列|定|直|步|些|致|般|起|同|并|张|个|座|条|项|家|所|年|是|方面|、)/;
    const NOT_BEFORE = /(?:统|唯|第|之|逐|进|万|专|单|划|均|其|任|每|合|归|整|如|惟)$/;
    const byChar = (name: string) => {
      let out = "";
      for (let i = 0; i < name.length; i++) {
        const c = name[i]!;
        if ((c === "一" || c === "－" || c === "-" || c === "–") && i > 1 && i < name.length - 2) {
          const before = name.slice(0, i), after = name.slice(i + 1);
          if (/[\u4e00-\u9fff]{2}$/.test(before) && /^[\u4e00-\u9fff]{2}/.test(after) && (c !== "一" || (!NOT_AFTER.test(after) && !NOT_BEFORE.test(before)))) { out += "—"; continue; }
        }
        out += c;
      }
      return out;
    };
    let changed = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) for (const line of seedText(f).split("\n")) {
      for (const piece of line.split(/[，。；、]/)) {
        expect(fixOcrDashes(piece)).toBe(byChar(piece));
        if (byChar(piece) !== piece) changed++;
      }
    }
    expect(changed).toBeGreaterThan(0);
  });
  it("hostile chains complete", () => {
    expect(splitStops("至".repeat(100_000) + "经一".repeat(100_000)).length).toBeGreaterThanOrEqual(0);
  });
});

describe("mayHoldMention: the characters every line or road mention holds", () => {
  it("a sentence without them has no mention: every sentence of the seeds and the test corpus", async () => {
    const { mayHoldMention, sentenceMentions } = await import("../../src/extract/transport/mentions.js");
    const { readdirSync } = await import("node:fs");
    const { SEEDS, seedText } = await import("../helpers.js");
    const corpus = (await import("../corpus/sentences.json", { with: { type: "json" } })).default as Record<string, { text: string }>;
    const texts = [
      ...readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).flatMap((f) => seedText(f).split(/(?<=[。！？；\n])/)),
      ...Object.values(corpus).map((s) => s.text),
    ];
    let passed = 0, found = 0;
    for (const t of texts) {
      const ms = sentenceMentions(t, true); // a road section's heading: the most a sentence can give
      if (ms.length) found++;
      if (!mayHoldMention(t)) { passed++; expect(ms, t).toEqual([]); }
    }
    // most sentences are passed, and many do hold mentions
    expect(passed).toBeGreaterThan(texts.length / 2);
    expect(found).toBeGreaterThan(50);
  });

  it("each kind of mention holds one: a code, 国道 with a number, a bare 高速, a head, an abbreviated line", async () => {
    const { mayHoldMention, sentenceMentions } = await import("../../src/extract/transport/mentions.js");
    // (a road section's heading makes a bare code a road: roadContext)
    for (const s of ["加快建设G6、S26。", "改造国道214西宁至澜沧公路。", "推进214国道改造。", "建成吉黑高速吉林至荒岗段。", "建设集通铁路。", "扩能改造临哈线、集二线铁路。", "建设呼和浩特至包头城际铁路。"]) {
      expect(sentenceMentions(s, true).length, s).toBeGreaterThan(0);
      expect(mayHoldMention(s), s).toBe(true);
    }
    expect(mayHoldMention("推进通用机场建设，完善综合交通枢纽。")).toBe(false);
  });
});
