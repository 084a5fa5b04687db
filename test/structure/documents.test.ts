import { describe, expect, it } from "vitest";
import { parseDocNumber, splitDocuments, untitledName } from "../../src/structure/documents.js";
import { endsLikeDocNumber } from "../../src/shared/patterns.js";
import { SEED, seedLine, seedText, sourceOf } from "../helpers.js";
import { lineAt } from "../../src/ingest/source.js";
import { linesOf } from "../../src/structure/lines.js";
import { parseToc } from "../../src/structure/toc.js";

const docsOf = (name: string) => splitDocuments(sourceOf(seedText(name), name));

describe("compilation split (003: 37 documents from its 目录)", () => {
  const docs = docsOf(SEED.compilation);
  it("finds all 37 documents, in order, each starting at its title line", () => {
    expect(docs).toHaveLength(37);
    for (const d of docs) {
      const line = lineAt(d.source, d.info.titleSpan.start);
      const flat = (s: string) => s.replace(/\s+/g, "");
      expect(flat(d.info.title).startsWith(flat(seedLine(SEED.compilation, line)).slice(0, 10))).toBe(true);
    }
  });
  it("reads 文号 as printed, brackets written 〔〕", () => {
    const numbers = docs.map((d) => d.info.doc_number).filter(Boolean);
    expect(numbers).toContain("国发〔2023〕16号");
    expect(numbers).toContain("内科发政字〔2021〕15号"); // printed (内科发政字[2021]15号)
    expect(numbers).toContain("财政部 税务总局公告2023年第5号");
    expect(numbers).toContain("内发改环资字〔2023〕1614号");
    expect(numbers).toHaveLength(22); // 15 documents print none
  });
  it("takes policy level from the compilation's level headers", () => {
    const levels = docs.map((d) => d.info.policy_level);
    expect(levels.slice(0, 7).every((l) => l === "national")).toBe(true);
    expect(levels.filter((l) => l === "city")).toHaveLength(4);
    expect(levels[36]).toBe("district");
  });
  it("reads a level header with its page number, tabbed or after a blank (a 目录 through PDF)", () => {
    const text = seedText(SEED.compilation).replace("二、内蒙古自治区优惠政策\n", "二、内蒙古自治区优惠政策\t21\n").replace("三、赤峰市优惠政策\t", "三、赤峰市优惠政策 35");
    const toc = parseToc(linesOf(sourceOf(text, SEED.compilation)))!;
    expect(toc.entries.map((e) => e.level)).toEqual(parseToc(linesOf(sourceOf(seedText(SEED.compilation), SEED.compilation)))!.entries.map((e) => e.level));
    expect(new Set(toc.entries.map((e) => e.level))).toEqual(new Set(["national", "region", "city", "district"]));
  });
  it("reads the signature date and issuers", () => {
    const first = docs[0]!.info;
    expect([first.issuer, first.date]).toEqual(["国务院", "2023-10-05"]);
    const green = docs.find((d) => d.info.title.includes("全面绿色转型"))!.info;
    expect([green.issuer, green.date]).toEqual(["中共中央、国务院", "2024-07-31"]);
    const office = docs.find((d) => d.info.doc_number === "内政办发〔2023〕81号")!.info;
    expect(office.issuer).toBe("内蒙古自治区人民政府办公厅");
  });
  it("a title wrapped over lines is joined without the wrap spaces", () => {
    const t = docs.find((d) => d.info.doc_number === "内政办发〔2024〕6号")!.info.title;
    expect(t).toBe("内蒙古自治区人民政府办公厅关于加快新能源和电网工程审批建设若干措施的通知");
    const two = docs.find((d) => d.info.doc_number === "内党发〔2022〕24号")!.info.title;
    expect(two.startsWith("内蒙古自治区党委 自治区人民政府印发《")).toBe(true); // the space between two bodies stays
  });
  it("a version note wrapped onto the next line stays in the title", () => {
    expect(docs.map((d) => d.info.title)).toContain("内蒙古自治区源网荷储一体化项目实施细则2023年修订版（试行）");
  });
  it("'等部门' titles take every issuer from the signature block; a place alone is no issuer", () => {
    const green = docs.find((d) => d.info.doc_number === "发改环资〔2024〕379号")!.info;
    expect(green.issuer).toBe("国家发展改革委、工业和信息化部、自然资源部、生态环境部、国家能源局、国家林草局");
    expect(docs.find((d) => d.info.title.startsWith("内蒙古自治区关于全额自发自用"))!.info.issuer).toBeNull();
  });
});

describe("single documents", () => {
  it("the news item 000 carries the State Council opinion", () => {
    const [d] = docsOf(SEED.news);
    expect(d!.info.title).toBe("国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见");
    expect([d!.info.issuer, d!.info.date, d!.info.policy_level]).toEqual(["国务院", "2023-10-05", "national"]);
  });
  it("the five-year plan 001 has plan period 2026–2030", () => {
    const [d] = docsOf(SEED.fyp);
    expect(d!.info.title).toBe("内蒙古自治区国民经济和社会发展第十五个五年规划纲要");
    expect(d!.info.plan_period).toEqual([2026, 2030]);
    expect(d!.info.date).toBe("2026-02"); // the cover prints only the month
    expect(d!.info.region).toBe("内蒙古自治区");
  });
  it("the annual plan 004: a title over three lines, 文号 with a space, plan year 2025", () => {
    const [d] = docsOf(SEED.annual);
    expect(d!.info.title).toBe("内蒙古自治区人民政府关于下达2025年自治区国民经济和社会发展计划的通知");
    expect(d!.info.doc_number).toBe("内政发〔2025〕1号");
    expect([d!.info.plan_year, d!.info.date]).toEqual([2025, "2025-02-05"]);
  });
  it("an untitled reprint (002) takes the file name as its title (contract v3) and is dated by its source line", () => {
    const [d] = docsOf(SEED.west);
    expect(d!.info.title).toBe("002_236636c766a7cbd7");
    expect(d!.info.issuer).toBeNull();
    expect(d!.info.date).toBe("2020-06-23");
  });
});

describe("several documents without a 目录", () => {
  it("each title followed by a 文号 line starts a document", () => {
    const a = seedText(SEED.annual).split("\n").slice(0, 40);
    const b = seedText(SEED.compilation).split("\n").slice(654, 700);
    const docs = splitDocuments(sourceOf([...a, "", ...b].join("\n"), "two.txt"));
    expect(docs.map((d) => d.info.doc_number)).toEqual(["内政发〔2025〕1号", "内政办发〔2023〕81号"]);
    expect(docs.map((d) => lineAt(d.source, d.info.titleSpan.start))).toEqual([3, 42]);
  });
});

describe("parts", () => {
  it.each([
    ["国发〔2023〕16号", "国发〔2023〕16号"],
    ["(内科发政字[2021]15号)", "内科发政字〔2021〕15号"],
    ["内政发〔2025〕1 号", "内政发〔2025〕1号"],
    ["(财政部 税务总局公告 2023 年第 5 号)", "财政部 税务总局公告2023年第5号"],
  ])("文号 %s", (line, want) => expect(parseDocNumber(line)).toBe(want));
  it("a sentence is not a 文号", () => expect(parseDocNumber("按照国发〔2023〕16号文件要求，加快推进。")).toBeNull());
  it.each([
    ["（内政办发〔2023〕81号）", true], ["内政发〔2025〕1 号", true], ["按照国发〔2023〕16号文件要求，加快推进。", false],
    ["国发〔2023〕16号))", false], ["号", true], [")", false], ["", false],
  ])("a 文号 line ends in 号 or 号 and one bracket: %s", (line, want) => expect(endsLikeDocNumber(line)).toBe(want));
  it("untitled name falls back to the first clause", () => expect(untitledName("近日，自治区召开会议。")).toBe("近日"));
});

describe("hostile input", () => {
  it("a 目录 of 20 000 entries that are never found in the body splits in linear time (completes)", () => {
    let t = "目录\n";
    for (let k = 1; k <= 20000; k++) t += `${(k % 900) + 1}. 关于印发第${k}号文件的通知\n`;
    const docs = splitDocuments(sourceOf(t, "toc.txt"));
    expect(docs.length).toBeGreaterThanOrEqual(1);
  });
});

describe("compilation split without tab layout (003 as PDF/HTML text)", () => {
  // the 目录 with each entry's page number glued to its title, as PDF and HTML give it
  const glued = seedText(SEED.compilation).split("\n").map((l) => l.replace(/\t\s*(\d+)\s*$/, "$1")).join("\n");
  it("still finds all 37 documents with their titles", () => {
    const tabbed = docsOf(SEED.compilation).map((d) => d.info.title);
    expect(splitDocuments(sourceOf(glued, SEED.compilation)).map((d) => d.info.title)).toEqual(tabbed);
  });
});

describe("documents found by their title + 文号 heads (no 目录)", () => {
  // two documents of 003 each ending with "(此件公开发布)", preceded by prose of another document
  const lines = seedText(SEED.compilation).split("\n");
  const body = [...lines.slice(724, 731), ...lines.slice(732, 860)].join("\n");
  const docs = splitDocuments(sourceOf(body, "x.txt"));
  it("a closing (此件公开发布) is no part of the next title", () => {
    expect(docs.map((d) => d.info.title).slice(-2)).toEqual([
      "内蒙古自治区人民政府办公厅关于加快新能源和电网工程审批建设若干措施的通知",
      "内蒙古自治区人民政府办公厅关于进一步加快推动氢能产业高质量发展的通知",
    ]);
    for (const d of docs) expect(d.info.title).not.toMatch(/此件公开发布/);
  });
  it("prose before the first head found is a document of its own, not dropped", () => {
    expect(docs).toHaveLength(3);
    expect(docs[0]!.start).toBe(0);
    expect(docs[0]!.end).toBeLessThanOrEqual(docs[1]!.start);
  });
});

describe("the body of a compilation starts where an entry's title is printed again", () => {
  const lines = seedText(SEED.compilation).split("\n");
  // the last entry (line 59) without its page number is still open, and without the level header that
  // repeats above the first title (line 61) the body is known by nothing but that title (line 63)
  const bodyAt = (title: (l: string) => string) => {
    const text = lines.map((l, k) => (k === 62 ? title(l) : k === 58 ? l.replace(/\t\d+$/, "") : l)).filter((_, k) => k !== 60).join("\n");
    const src = sourceOf(text, SEED.compilation);
    const toc = parseToc(linesOf(src))!;
    return src.map.line(linesOf(src)[toc.end]!.start);
  };
  it("line 63 of 003 (国务院关于推动内蒙古高质量发展…) ends the 目录", () => {
    expect(lines[62]).toMatch(/^国务院关于推动内蒙古高质量发展/);
    expect(bodyAt((l) => l)).toBe(62); // line 61 removed: the title is line 62 of the text read
  });
  it("also printed letter-spaced: the opening is read from the flat form past the line's first 32 characters", () => {
    // 国 \t务 \t院 …: two thirds of the line's first 32 characters are blanks (normalisation keeps a tab)
    expect(bodyAt((l) => Array.from(l.trim()).join(" \t"))).toBe(62);
  });
  it("a 目录 is a compilation's when at least half its entries read as document titles, wherever they stand", () => {
    const seedLines = (name: string, from: number, n: number) => seedText(name).split("\n").slice(from - 1, from - 1 + n);
    const titles = seedLines(SEED.compilation, 14, 4).map((l) => l.replace(/^\d+\.\s*/, "")); // 003's entries 2-5
    const rows = seedLines(SEED.fyp, 1, 1200).filter((l) => /^\t\d+\.[^\t]+\t/.test(l)).slice(0, 5).map((l) => l.replace(/^\t\d+\./, ""));
    expect([titles.length, rows.length]).toEqual([4, 5]); // indicator rows of 001's 专栏1: no title
    const toc = (entries: string[]) => parseToc(linesOf(sourceOf(["政策汇编", "目 录", ...entries.map((e, k) => `${k + 1}. ${e}`)].join("\n"))));
    // four rows before four titles: half of eight, read to the end
    expect(toc([...rows.slice(0, 4), ...titles])?.entries.map((e) => e.title.slice(0, 6))).toEqual([...rows.slice(0, 4), ...titles].map((e) => e.replace(/\s+/g, " ").slice(0, 6)));
    // five rows before three titles: fewer than half
    expect(toc([...rows, ...titles.slice(0, 3)])).toBeNull();
  });
  it("a plan whose 目录 lists chapters (001) is one document", () => {
    expect(seedText(SEED.fyp).split("\n").slice(0, 60).some((l) => /^目\s*录$/.test(l.trim()))).toBe(true);
    expect(docsOf(SEED.fyp)).toHaveLength(1);
  });
});

describe("locating 目录 titles in the body", () => {
  it("finds a title printed with blanks in its head, and one wrapped over a short first line", async () => {
    const { locateTitles } = await import("../../src/structure/toc.js");
    const lines = linesOf(sourceOf([
      "目录", "正文",
      "内 蒙 古 自 治 区人民政府 关于印发支持民营经济高质量发展若干措施的通知",
      "各盟行政公署。",
      "内蒙古自治区",
      "人民政府办公厅关于进一步优化营商环境更好服务市场主体的实施意见",
    ].join("\n"), "c.txt"));
    const entries = [
      { title: "内蒙古自治区人民政府关于印发支持民营经济高质量发展若干措施的通知", docNumber: null, level: null },
      { title: "内蒙古自治区人民政府办公厅关于进一步优化营商环境更好服务市场主体的实施意见", docNumber: null, level: null },
    ];
    expect(locateTitles(lines, 1, entries)).toEqual([2, 4]);
  });
});
