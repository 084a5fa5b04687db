import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codebookMarkdown, codebookRows, columnsMarkdown, libreOfficeCsvFilter, textColumns } from "../../src/emit/codebook.js";
import { fieldsOf } from "../../src/emit/fields.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { loadSchema } from "../../src/validate/schemas.js";
import { ROOT } from "../helpers.js";

/** Every enum in schemas/, with the x-enum-meanings beside it. */
function enums(): Array<{ where: string; values: Array<string | null>; meanings: Record<string, string> | undefined }> {
  const out: Array<{ where: string; values: Array<string | null>; meanings: Record<string, string> | undefined }> = [];
  const visit = (where: string, props: Record<string, { enum?: Array<string | null>; "x-enum-meanings"?: Record<string, string> }>) => {
    for (const [k, p] of Object.entries(props)) if (p.enum) out.push({ where: `${where}.${k}`, values: p.enum, meanings: p["x-enum-meanings"] });
  };
  visit("common", (loadSchema("common") as { $defs: never }).$defs);
  for (const t of RECORD_TYPES) visit(t, (loadSchema(t) as { properties: never }).properties);
  return out;
}

describe("codebook from schemas/", () => {
  it("every enum value has a meaning in schemas/ (x-enum-meanings), and no meaning names a value the enum lacks", () => {
    const all = enums();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const e of all) {
      expect(e.meanings, e.where).toBeDefined();
      expect(Object.keys(e.meanings!).sort(), e.where).toEqual(e.values.map((v) => (v === null ? "null" : v)).sort());
      for (const m of Object.values(e.meanings!)) expect(m.trim().length, e.where).toBeGreaterThan(1);
    }
  });

  it("one row per column, one per enum value; the types and meanings are the schema's", () => {
    const rows = codebookRows();
    for (const t of RECORD_TYPES) {
      const props = Object.keys((loadSchema(t) as { properties: object }).properties);
      expect([...new Set(rows.filter((r) => r.type === t).map((r) => r.field))]).toEqual(props);
    }
    const instrument = rows.filter((r) => r.type === "subsidies" && r.field === "instrument");
    expect(instrument.map((r) => r.value)).toEqual(["award", "subsidy", "interest_subsidy", "funding", "tax_relief", "guarantee", "other"]);
    expect(instrument[2]!.valueMeaning).toContain("贴息");
    expect(rows.find((r) => r.type === "documents" && r.field === "date")!.dataType).toMatch(/^date/);
    expect(rows.find((r) => r.type === "railways" && r.field === "stops")!.dataType).toMatch(/^list/);
    expect(rows.find((r) => r.type === "targets" && r.field === "binding" && r.value === "empty")!.valueMeaning).toBe("not stated");
  });

  it("codebook.md: this build's counts per type, the CSV column types, and the same column tables as the README", () => {
    const md = codebookMarkdown("1.2.3", { targets: 310, projects: 0 });
    expect(md).toContain("| `targets` | 310 |");
    expect(md).toContain("| `documents` | 0 |");
    expect(md).toContain(columnsMarkdown());
    expect(md).toContain(libreOfficeCsvFilter("documents"));
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(columnsMarkdown());
  });

  it("the CSV import hints type numbers as numbers and everything else as text", () => {
    const f = fieldsOf("targets");
    const filter = libreOfficeCsvFilter("targets").split(",").slice(4).join(",").split("/");
    for (let i = 0; i < f.length; i++) {
      expect(filter[2 * i], f[i]!.name).toBe(String(i + 1));
      expect(filter[2 * i + 1], f[i]!.name).toBe(f[i]!.kind === "number" || f[i]!.kind === "integer" ? "1" : "2");
    }
    expect(textColumns("targets")).toContain("value_text");
    expect(textColumns("targets")).not.toContain("value");
  });
});
