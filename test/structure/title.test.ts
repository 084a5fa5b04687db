import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { splitDocuments } from "../../src/structure/documents.js";
import { isPageNoise, withoutMarkup } from "../../src/structure/title.js";
import { sourceOf } from "../helpers.js";

const WILD = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "wild");
const docOfText = (text: string, file: string) => splitDocuments(sourceOf(text, file));

/** The documents record of one input, as the CLI writes it. */
async function documentOf(file: string, bytes: string) {
  const src = await ingestBytes(file, Buffer.from(bytes));
  return extractSource(src, ["documents"]).records.documents;
}

describe("titles: where a document prints none", () => {
  it("an opinion that prints only its addressee takes its file name, not a line under an omitted part (略 + 三、扶持政策)", () => {
    // the opening of a real provincial opinion (corpus/wild): sections printed as 略
    const text = "各市人民政府，省政府各厅委、各直属机构：\n大力发展农产品加工业，是拓展农民增收渠道的重要途径。\n一、总体要求\n略\n二、主要任务\n略\n三、扶持政策\n（一）加强金融服务。\n";
    const [doc] = docOfText(text, "辽宁省人民政府关于加快农产品加工业发展的实施意见.txt");
    expect([doc!.info.title, doc!.info.region, doc!.info.region_code, doc!.info.policy_level]).toEqual(["辽宁省人民政府关于加快农产品加工业发展的实施意见", "辽宁省", "210000", "region"]);
  });

  it("a chapter heading or an article line is never a title (第一章总则, 第一条)", () => {
    const text = "第一章总则\n第一条 为规范市级工程实验室建设和运行管理，制定本办法。\n第二条 本办法所称市级工程实验室。\n";
    expect(docOfText(text, "大连市工程实验室管理暂行办法.txt")[0]!.info.title).toBe("大连市工程实验室管理暂行办法");
  });

  it("a preamble naming its author (市政府制定…) gives the issuer of an untitled document, its own level only", () => {
    // the opening of a real city policy (corpus/dev), which prints no title
    const text = "为贯彻落实党中央、国务院关于做好当前经济工作的总体部署和要求，根据《辽宁省人民政府关于进一步促进投资增长的若干意见》（辽政发〔2014〕18号），市政府制定进一步促进投资增长十八条措施。\n一、加快重大项目建设\n";
    expect(docOfText(text, "大连市进一步促进投资增长十八条措施.txt")[0]!.info.issuer).toBe("大连市人民政府");
    expect(docOfText(text.replace("市政府制定", "省政府制定"), "大连市进一步促进投资增长十八条措施.txt")[0]!.info.issuer).toBeNull();
  });

  it("a page with no printed title is named by the file, and a self-reference (我县) names no region", async () => {
    const [doc] = await documentOf("2016-3.txt", "为把我县建设成为全省重要的商品粮基地，结合我县实际，制定本办法。\n第一条 县财政每年安排专项资金500万元。\n");
    expect([doc!.title, doc!.region, doc!.region_code]).toEqual(["2016-3", "", null]);
  });

  it("the same page names its county when the body does (我县 → the county the body names, district level)", async () => {
    const body = "为把我县建设成为全省重要的商品粮基地，制定本办法。\n第一条 东丰县财政每年安排专项资金500万元。\n第二条 我县对新建粮食烘干设施给予补助。\n";
    const [doc] = await documentOf("2016-3.txt", body);
    expect([doc!.region, doc!.region_code, doc!.policy_level]).toEqual(["辽源市东丰县", "220421", "district"]);
  });

  it("an HTML page whose body prints no title takes the page title (contract v3); its addressee (县直各部门) tells the level", async () => {
    const html = `<html><head><title>关于做好2024年春耕生产工作的通知_东丰县人民政府</title></head><body><div class="article">
      <p>各乡镇人民政府，县直各有关部门：</p><p>为做好今年春耕生产工作，现将有关事项通知如下。</p><p>一、抓好农资供应。</p></div></body></html>`;
    const [doc] = await documentOf("art_1234.html", html);
    expect([doc!.title, doc!.region, doc!.policy_level]).toEqual(["关于做好2024年春耕生产工作的通知", "", "district"]);
  });
});

describe("titles: page noise never starts or continues one", () => {
  it("a JSP directive left in a page's text is stripped from the title line", async () => {
    const html = `<html><head><title>XX县人民政府门户网站</title></head><body><div class="content">
      <p>&lt;%@ page language="java" import="java.util.*" pageEncoding="UTF-8"%&gt;</p><p>东丰县关于加快推进农业产业化发展的</p><p>实施意见</p>
      <p>各乡镇人民政府，县直各部门：</p><p>为把我县建设成为全省重要的农产品加工基地，现提出如下意见。</p></div></body></html>`;
    const [doc] = await documentOf("index.html", html);
    expect([doc!.title, doc!.region_code, doc!.quote.startsWith("东丰县")]).toEqual(["东丰县关于加快推进农业产业化发展的实施意见", "220421", true]);
  });

  it("a newspaper masthead above the title is no part of it, and dates the reprint", async () => {
    const text = "吉林日报 2015年05月20日 星期三 第03版\n东丰县人民政府关于进一步促进民营经济发展的\n若干意见\n为把我县民营经济做大做强，提出如下意见。\n一、放宽市场准入\n";
    const [doc] = await documentOf("paper.txt", text);
    expect([doc!.title, doc!.source_line, doc!.date, doc!.issuer, doc!.region_code, doc!.policy_level])
      .toEqual(["东丰县人民政府关于进一步促进民营经济发展的若干意见", 2, "2015-05-20", "东丰县人民政府", "220421", "district"]);
  });

  it("a prose line with dates above a title is no masthead: it dates nothing (seed 003, line 619 before 625)", () => {
    const text = "自2021年1月1日至2030年12月31日，对设在西部地区的鼓励类产业企业减按15%的税率征收企业所得税。\n内蒙古自治区建立高耗能企业可再生能源电力强制消费机制的若干措施\n为深入落实国家部署，制定本措施。\n";
    const [doc] = docOfText(text, "t.txt");
    expect([doc!.info.title, doc!.info.date]).toEqual(["内蒙古自治区建立高耗能企业可再生能源电力强制消费机制的若干措施", null]);
  });

  it.each([
    ["<%@ page contentType=\"text/html; charset=GBK\"%>", true],
    ["吉林日报 2015年05月20日 星期三 第03版", true],
    ["当前位置：首页 > 政务公开 > 政策文件", true],
    ["发布时间：2016-09-07 浏览次数：1024", true],
    ["国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见", false],
    ["内蒙古自治区风光制氢一体化项目实施细则2023年修订版（试行）", false],
    ["（2024年7月31日）", false],
    ["政府工作报告", false],
  ])("page noise: %s → %s", (line, noise) => expect(isPageNoise(line)).toBe(noise));

  it("markup is stripped from a line's head only", () => {
    const markup = '<%@ page import="java.util.*"%><?php echo 1; ?> ';
    expect(withoutMarkup(`${markup}东丰县…意见`)).toEqual({ text: "东丰县…意见", cut: markup.length });
    expect(withoutMarkup("关于<%…%>的通知").cut).toBe(0);
  });

  it("a line of 200 000 '<%' never closed is read in linear time (no backtracking)", () => {
    expect(withoutMarkup("<%".repeat(200_000)).cut).toBe(0);
    expect(isPageNoise("<%".repeat(200_000))).toBe(true);
  });
});

// the unlabelled corpus lies beside the repository (../shared), not in a fresh clone alone
describe.skipIf(!existsSync(WILD))("corpus/wild: every document keeps a title from its own text or file", () => {
  it.each([
    "辽宁省人民政府关于加快农产品加工业发展的实施意见.txt",
    "大连市工程实验室管理暂行办法.txt",
    "中共大连市委大连市人民政府关于促进物流业发展的实施意见.txt",
  ])("%s", async (file) => {
    const [doc] = await documentOf(file, readFileSync(join(WILD, file), "utf8"));
    expect(doc!.title).toBe(file.replace(/\.txt$/, ""));
    expect(doc!.region_code).toMatch(/^21\d{4}$/);
  });
});
