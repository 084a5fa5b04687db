import { describe, expect, it } from "vitest";
import { projectCandidates } from "../../../src/extract/projects.js";
import { ARTICLE_KINDS, LIST_KINDS, markerAt, mayOpenMarker } from "../../../src/shared/markers.js";
import { docOf } from "../../helpers.js";

describe("cleanName: markers opening a name", () => {
  it("the gate before the marker rules (shared/markers.ts mayOpenMarker) lets every article and list marker through, and not a name opening with a word or a place", () => {
    // one marker of each rule of shared/markers.ts that cleanName strips, as printed (spaces, full-width forms)
    const markers = ["第二条", "第 1 0 条", "一、", "十九.", "（十九）", "( 一 )", "59.", "101、", "（1）", "(12)", "⑴", "⒇", "①", "⑳"];
    for (const m of markers) {
      expect(markerAt(m, ARTICLE_KINDS) ?? markerAt(m, LIST_KINDS)).toBeDefined();
      expect(mayOpenMarker(m)).toBe(true);
    }
    for (const name of ["风光制氢一体化项目", "内蒙古碳计量中心", ""]) expect(mayOpenMarker(name)).toBe(false);
  });

  it("an article or list number before a name is stripped; a place opening with a numeral keeps it (real text)", () => {
    const names = (text: string) => projectCandidates(docOf(text)).map((c) => c.draft.fields.name);
    // 内蒙古 风光制氢一体化项目 rules, and an item of a list of measures
    expect(names("第二条 风光制氢一体化项目的电源、电网、制氢、储能等部分应为同一投资主体控股。")).toContain("风光制氢一体化项目");
    expect(names("59.列为国家多式联运示范工程并验收合格的项目。")).toEqual(expect.not.arrayContaining([expect.stringMatching(/^59/)]));
    expect(names("加快建设二连浩特陆港。")).toEqual(["二连浩特陆港"]);
  });
});
