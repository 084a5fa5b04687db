import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { MAX_QUOTE } from "../../src/extract/record.js";
import { ingestBytes } from "../../src/ingest/index.js";

/**
 * A record quotes its sentence; a sentence that never ends (10⁴ comma clauses, no 。)
 * must not make every record carry all of it: output and time were quadratic.
 */
describe("quote", () => {
  it("is the whole sentence up to MAX_QUOTE characters", async () => {
    const text = `到2025年，${"粮食产量达到100万吨，".repeat(20)}。`;
    const { records } = extractSource(await ingestBytes("short.txt", Buffer.from(text)));
    expect(records.targets).toHaveLength(20);
    for (const r of records.targets) expect(r.quote).toBe(text);
  });

  it("of a runaway sentence is the clause holding the value", async () => {
    const text = `到2025年，${"粮食产量达到100万吨，".repeat(500)}。`;
    expect(text.length).toBeGreaterThan(MAX_QUOTE);
    const { records } = extractSource(await ingestBytes("long.txt", Buffer.from(text)));
    expect(records.targets).toHaveLength(500);
    for (const r of records.targets) expect(r.quote).toBe("粮食产量达到100万吨");
  });
});
