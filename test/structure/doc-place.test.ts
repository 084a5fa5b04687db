import { describe, expect, it } from "vitest";
import { placeAndLevel } from "../../src/structure/doc-place.js";

const place = (title: string, body = "", issuer: string | null = null, docNumber: string | null = null, hintLevel: "national" | "region" | "city" | "district" | null = null) => {
  const p = placeAndLevel({ title, issuer, docNumber, body, hintLevel });
  return [p.region, p.region_code, p.policy_level];
};

describe("a document's region, code and level in every province (issue 14)", () => {
  it.each([
    ["青岛市人民政府办公厅关于印发青岛市综合交通运输发展规划的通知", "青岛市", "370200", "city"],
    ["云南省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "云南省", "530000", "region"],
    ["甘肃省交通运输厅关于加快推进普通国省道建设的通知", "甘肃省", "620000", "region"],
    ["寿县人民政府关于印发寿县农村人居环境整治实施方案的通知", "淮南市寿县", "340422", "district"],
    ["中共大连市委大连市人民政府关于促进物流业发展的实施意见", "大连市", "210200", "city"],
    ["北京市朝阳区人民政府关于…的通知", "北京市朝阳区", "110105", "district"],
  ])("%s → %s %s %s", (title, region, code, level) => expect(place(title)).toEqual([region, code, level]));

  it("a division issued inside 《》 (关于印发《…》) is the document's; a cited one is not", () => {
    expect(place("关于印发《青岛市现代物流业发展规划》的通知", "为加快我市物流业发展……")).toEqual(["青岛市", "370200", "city"]);
    // 贯彻落实 another government's document: the body tells whose this one is
    expect(place("关于贯彻落实《辽宁省人民政府关于加快发展养老服务业的实施意见》的实施意见", "大连市各区市县人民政府：为贯彻落实省政府要求，结合我市实际……大连市民政局负责。"))
      .toEqual(["大连市", "210200", "city"]);
  });

  it("a national document governs the whole country unless its title names a region", () => {
    expect(place("国务院关于近期支持东北振兴若干重大政策举措的意见", "", "国务院")).toEqual(["全国", null, "national"]);
    expect(place("国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见", "", "国务院")).toEqual(["内蒙古自治区", "150000", "national"]);
  });

  it("Inner Mongolia's overlay reads its own words: 内政办发 and …旗 issuers, 盟市 in the body; the same words say nothing in Liaoning", () => {
    const body = "各盟行政公署、市人民政府，自治区各委、办、厅、局：全区各盟市要结合实际抓好落实。";
    expect(place("关于进一步做好稳就业工作的通知", body, null, "内政办发〔2024〕3号")).toEqual(["内蒙古自治区", "150000", "region"]);
    // a banner the code list writes in full (达尔罕茂明安联合旗) under its usual short name: level from the overlay's 旗 rule,
    // region the province the body names (the banner itself is not resolved)
    expect(place("关于加快发展畜牧业的实施意见", "为加快我旗畜牧业发展，包头市……", "达茂旗人民政府")).toEqual(["内蒙古自治区", "150000", "district"]);
    expect(place("关于加快发展畜牧业的实施意见", "为加快畜牧业发展，大连市……", "某某旗人民政府")[2]).toBe("region");
  });

  it("a page that names no place and no self gets no region (never a phrase like 为把我县)", () => {
    expect(place("2016-3", "为把我县建设成为全省重要的商品粮基地，结合我县实际，制定本办法。")).toEqual(["", null, "district"]);
  });
});
