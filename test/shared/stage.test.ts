import { describe, expect, it } from "vitest";
import stages from "../../src/data/stages.json" with { type: "json" };
import { stageOfVerb } from "../../src/shared/stage.js";

describe("stageOfVerb", () => {
  it("each verb's stage is that of its first entry in the table, longest verbs first (as a find over the sorted table)", () => {
    const sorted = (stages.verbs as Array<[string, string]>).slice().sort((a, b) => b[0].length - a[0].length);
    for (const [v] of sorted) expect(stageOfVerb(v)).toBe(sorted.find(([w]) => w === v)![1]);
    expect(stageOfVerb("开工建设")).toBe("start");
    expect(stageOfVerb("不是动词")).toBe("other");
  });
});
