import { describe, expect, it } from "vitest";
import { nameStartIn } from "../../src/extract/transport/names.js";

describe("nameStartIn: where a line's name starts in the run before its head", () => {
  it("after the last governing word or stage verb (real runs: 利用滨洲铁路, 配合国家建设甘其毛都口岸跨境铁路)", () => {
    expect(nameStartIn("利用滨洲")).toBe(2);
    expect(nameStartIn("配合国家建设甘其毛都口岸跨境")).toBe("配合国家建设".length);
  });
  it("a run holding none of the words is read whole (包银高铁, 二级及以上公路: 以 before 上 governs nothing)", () => {
    expect(nameStartIn("包银")).toBe(0);
    expect(nameStartIn("二级及以上")).toBe(3); // 及 cuts (a joiner), 以 in 以上 does not
  });
});
