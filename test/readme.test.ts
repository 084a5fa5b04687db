import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { render } from "../scripts/gen-readme-columns.mjs";
// @ts-expect-error plain ESM script without types
import { generate } from "../scripts/gen-types.mjs";
import { ROOT } from "./helpers.js";

describe("generated files are current with schemas/", () => {
  it("README column tables", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(render(readme)).toBe(readme);
  });
  it("src/generated/records.ts (written by the build, never by hand)", () => {
    expect(readFileSync(join(ROOT, "src/generated/records.ts"), "utf8")).toBe(generate());
  });
  it("README gives the two fresh-machine commands and .ci/run runs the same test command", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
    const ci = readFileSync(join(ROOT, ".ci/run"), "utf8");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
