import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { compileValidatorsNow, lengthsByCodeUnits, loadSchema, validatorOrigin, validators } from "../../src/validate/schemas.js";

// The build precompiles schemas/ into src/generated/validators.cjs (scripts/gen-validators.mjs);
// these tests prove the file is used, is current, and judges exactly like ajv compiling at run time.
const seed = "004_37e45ae1c4b0ca61.txt";

describe("precompiled validators", () => {
  it("are the ones in use after `npm run build` (schemas unchanged since)", () => {
    expect(validatorOrigin()).toBe("precompiled");
  });

  it("accept and reject the same records as validators compiled at run time", async () => {
    const src = await ingestBytes(seed, readFileSync(join("seeds", seed)));
    const { records } = extractSource(src);
    const pre = validators();
    const now = compileValidatorsNow();
    let checked = 0;
    for (const t of RECORD_TYPES) {
      for (const r of (records[t] as unknown as Record<string, unknown>[]).slice(0, 20)) {
        const broken = [
          r,
          { ...r, source_line: 0 },                 // below minimum
          { ...r, id: "not an id" },                // pattern
          { ...r, extra_field: 1 },                 // additionalProperties
          Object.fromEntries(Object.entries(r).filter(([k]) => k !== "quote")), // required
        ];
        for (const b of broken) {
          expect(pre[t](b), `${t} ${JSON.stringify(b).slice(0, 80)}`).toBe(now[t](b));
          checked++;
        }
        expect(pre[t](r)).toBe(true);
        expect(pre[t]({ ...r, source_line: 0 })).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("count lengths in code units only where that judges as counting code points would (every limit a minLength ≤ 1)", async () => {
    expect(lengthsByCodeUnits([loadSchema("common"), ...RECORD_TYPES.map((t) => loadSchema(t))])).toBe(true);
    expect(lengthsByCodeUnits([{ properties: { a: { type: "string", maxLength: 5 } } }])).toBe(false);
    expect(lengthsByCodeUnits([{ $defs: { a: { anyOf: [{ type: "string", minLength: 2 }] } } }])).toBe(false);
    const src = await ingestBytes(seed, readFileSync(join("seeds", seed)));
    const r = (extractSource(src).records.targets as unknown as Record<string, unknown>[])[0]!;
    const pre = validators(), now = compileValidatorsNow();
    // a quote of one character outside the BMP (two code units) is as long as one of one unit; an empty one is too short
    for (const quote of ["𠀀", "a", ""]) expect(pre.targets({ ...r, quote })).toBe(quote !== "");
    for (const quote of ["𠀀", ""]) expect(now.targets({ ...r, quote })).toBe(pre.targets({ ...r, quote }));
  });
});
