import { describe, expect, it } from "vitest";
import { sentence } from "../../helpers.js";
import { names, projects } from "./helpers.js";

/**
 * How policy texts of every province name works (issue 14): a weak verb driving a
 * start, preparation pushed on to a start, phases, plants and housing works,
 * a head noun written once for a list, upgrades that belong to one item,
 * works named by kind, theme zones, article headings and 的 conditions.
 * Sentences from seed 003 (a national document reprinted in the compilation)
 * and from provincial and city measures.
 */

describe("stage from the verbs that drive a work", () => {
  it("a weak verb yields to the start it drives: 推动开工建设 → start", () => {
    expect(projects("加快推进丹大快速铁路、城市轨道交通建设，推动开工建设辽宁红沿河核电二期项目。")).toEqual([["辽宁红沿河核电二期项目", "start", "energy"]]);
  });
  it("preparation pushed on to a start in the same clause is a start (…前期工作并力争尽早开工)", () => {
    expect(projects("做好恒力炼化一体化、中石油长兴岛炼化一期项目前期工作并力争尽早开工。")).toEqual([
      ["恒力炼化一体化项目", "start", "industry"], ["中石油长兴岛炼化一期项目", "start", "industry"],
    ]);
  });
});

describe("a head noun written once for a list", () => {
  it("items naming no work take the bare head of the last item (…城中村改造工程)", () => {
    expect(projects("加快实施城镇保障性安居工程建设、城市棚户区改造、城中村改造工程。")).toEqual([
      ["城镇保障性安居工程", "building", "social"], ["城市棚户区改造工程", "building", "social"], ["城中村改造工程", "building", "social"],
    ]);
  });
  it("full names in a list with categories stand on their own; the categories do not", () => {
    expect(projects("加强青山生态系统工程、蓝天工程、中心镇及重点镇基础设施和公共服务体系项目的建设。")).toEqual([
      ["青山生态系统工程", "building", "ecology"],
    ]);
  });
  it("a class of works sharing a head stays a class (微电网、虚拟电厂、源网荷储一体化项目)", () => {
    const rs = names("建设智能电网，加快微电网、虚拟电厂、源网荷储一体化项目建设。");
    expect(rs).not.toContain("微电网项目");
    expect(rs).not.toContain("虚拟电厂项目");
    // beside a named work the same list shape names works
    expect(names("加快微电网、中石油长兴岛炼化一期项目建设。")).toEqual(["微电网项目", "中石油长兴岛炼化一期项目"]);
  });
  it("an upgrade written after the last work only is that work's (大连新机场、长海机场扩建)", () => {
    expect(names("推进大连新机场、长海机场扩建前期工作。")).toContain("大连新机场");
    expect(names("推进大连新机场、长海机场扩建前期工作。")).not.toContain("大连新机场扩建");
  });
});

describe("what is a physical work", () => {
  it("plants, phases and housing works are built (003: 暖房子, 红沿河核电二期)", () => {
    expect(names(sentence("compilation-279"))).toContain("东北地区“暖房子”工程");
    expect(names(sentence("compilation-293"))).toContain("辽宁红沿河核电二期项目");
  });
  it("a 工程 named by its kind of facility is one undertaking: 农村电网改造升级工程", () => {
    expect(projects("加快实施农村电网改造升级工程。")).toEqual([["农村电网改造升级工程", "building", "grid"]]);
  });
  it("a kind of facility alone stays a category (农村公路, 新能源基地)", () => {
    expect(names("加快农村公路建设，推进新能源基地建设。")).toEqual([]);
  });
  it("a zone named only by the industry it gathers is a theme (养老服务业集聚区)", () => {
    expect(names("推动养老服务业集聚区和特色产业基地建设。")).toEqual([]);
  });
});

describe("never projects", () => {
  it("article headings of a regulation, in a box or not (第17条 种植基地)", () => {
    expect(names("某县现代农业扶持办法\n专栏1 重点项目\n第21条 赤峰市种植基地\n第22条 赤峰市种植基地建设\n第二十三条 赤峰市种植基地")).toEqual([]);
    expect(names("第17条 种植基地\n第1 7条 赤峰市种植基地")).toEqual([]);
  });
  it("a work closing a 的 clause names who qualifies: 新建连片种植基地的，给予…补助", () => {
    expect(names("对新建连片种植基地的，给予每亩200元补助。")).toEqual([]);
  });
});

describe("measures and opinions: kinds of facilities are no works, named places are", () => {
  it("a phase written alone after a phased item is a phase of the same work", () => {
    expect(projects("推进大窑湾港区三期、四期工程以及太平湾、庄河、长兴岛等港区有序建设。").slice(0, 2)).toEqual([
      ["大窑湾港区三期工程", "building", "transport_other"], ["大窑湾港区四期工程", "building", "transport_other"],
    ]);
  });
  it("places named by the national gazetteer (长海县 → 长海机场) place a work", () => {
    expect(names("推进大连新机场、长海机场扩建前期工作。")).toEqual(["大连新机场", "长海机场扩建"]);
  });
  it("a type or a demonstration status with no place names a kind (政府主导型…, …示范基地)", () => {
    expect(names("推进政府主导型创业孵化基地（园区）建设。")).toEqual([]);
    expect(names("充分利用已有各类园区，建设创业孵化示范基地。")).toEqual([]);
  });
  it("encouraging others to take part, or meeting a need, commits to no work", () => {
    expect(names("鼓励和支持民营资本、社会力量参与创业孵化基地建设。")).toEqual([]);
    expect(names("各县（市、区）每年要安排一定数量的用地指标，满足农产品加工集聚区建设的需要。")).toEqual([]);
  });
  it("fields of a list closed by 等方面 are areas of spending", () => {
    expect(names("对龙头企业在原材料收购、仓储设施、生产加工基地建设和技术改造等方面的合理资金需求给予信贷支持。")).toEqual([]);
  });
  it("a facility placed only by a region of several provinces is a kind spread over it", () => {
    expect(names("拓展华北、西北地区物流基地建设。")).toEqual([]);
  });
  it("a level inside a name after words that are no place is the level's class; a list marker is no part of a name", () => {
    expect(names("（一）指导市级工程实验室的建设和发展。")).toEqual([]);
    expect(names("筹措市级工程实验室的建设和运行经费。")).toEqual([]);
  });
  it("an existing work that carries out an activity is not built (…配送中心开展…示范工作)", () => {
    expect(names("推动铁越集团大连城市物流共同配送中心开展城市共同配送示范工作。")).toEqual([]);
  });
  it("named parks a measure supports are works, each with its place (重点扶持…建设)", () => {
    expect(names("重点扶持大连体育新城产业基地、金普新区体育中心产业基地、旅顺体育文化产业园区建设。")).toEqual([
      "大连体育新城产业基地", "金普新区体育中心产业基地", "旅顺体育文化产业园区",
    ]);
  });
});

describe("provincial plans: works named by proper names", () => {
  it("short proper names before a work always named by one share its kind (旭龙、奔子栏水电站; 庄里、老岚水库)", () => {
    expect(names("加快旭龙、奔子栏水电站建设，建成乌东德、白鹤滩水电站。")).toEqual(["旭龙水电站", "奔子栏水电站", "乌东德水电站", "白鹤滩水电站"]);
    expect(names("实施黄河下游防洪工程，加快建设庄里水库、老岚水库。")).toEqual(["黄河下游防洪工程", "庄里水库", "老岚水库"]);
    expect(names("新建红河、元阳、楚雄机场，迁建普洱机场。")).toEqual(["红河机场", "元阳机场", "楚雄机场", "普洱机场"]);
  });
  it("a lone short name before such a head is a figure of speech (森林水库、钱库、粮库)", () => {
    expect(names(sentence("fyp-429"))).not.toContain("森林水库");
  });
  it("a phase without a head shares the list's bare head; places open names (海阳核电一期、…示范工程)", () => {
    expect(projects("建成投运海阳核电一期、石岛湾高温气冷堆核电站示范工程，开工建设海阳核电二期工程。")).toEqual([
      ["海阳核电一期工程", "completed", "energy"], ["石岛湾高温气冷堆核电站示范工程", "completed", "energy"], ["海阳核电二期工程", "start", "energy"],
    ]);
  });
  it("named public facilities (云南大剧院) are works", () => {
    expect(names("建设昆明国际会展中心二期、云南大剧院。")).toEqual(["昆明国际会展中心二期", "云南大剧院"]);
  });
});

describe("a class of facilities written after kinds of them", () => {
  it("kinds before a kind class give no works (西北风电光伏、西南水电…等清洁能源基地); places before it do", () => {
    expect(names(sentence("compilation-405"))).not.toContain("西北风电光伏清洁能源基地");
    expect(names("加快推进库布其沙漠鄂尔多斯中北部基地、腾格里沙漠东南部基地等新能源基地建设。")).toEqual(["库布其沙漠鄂尔多斯中北部基地", "腾格里沙漠东南部基地"]);
  });
});
