import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractInputs, extractSource } from "../../src/api.js";
import { decodeBytes } from "../../src/ingest/decode.js";
import { htmlToText } from "../../src/ingest/html.js";
import { ingestBytes, readInput } from "../../src/ingest/index.js";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/**
 * Issue 12, items 5–9: only regular files are read, a size limit, one bad file
 * never sinks the build, no recursion or argument spread proportional to the
 * input, decoding by evidence. Inputs are generated here; times live in
 * `npm run bench` (its hostile section), not in these tests.
 */
const base = mkdtempSync(join(tmpdir(), "hostile-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const GOOD = join(SEEDS, SEED.west);
const BIN = join(ROOT, "bin", "policy-extract.js");

describe("only regular files are read", () => {
  it("a named pipe, a link to /dev/zero and a socket each fail with one line; the good file builds", async () => {
    const fifo = join(base, "pipe.txt");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    symlinkSync("/dev/zero", join(base, "zero.txt"));
    const server = createServer();
    await new Promise<void>((r) => server.listen(join(base, "sock.txt"), r));
    try {
      const res = await extractInputs([fifo, join(base, "zero.txt"), join(base, "sock.txt"), GOOD]);
      expect(res.failures).toEqual([
        { file: "pipe.txt", reason: "not a regular file (a named pipe)" },
        { file: "sock.txt", reason: "not a regular file (a socket)" },
        { file: "zero.txt", reason: "not a regular file (a character device)" },
      ]);
      expect(res.inputs.map((i) => i.name)).toEqual([SEED.west]);
    } finally {
      server.close();
    }
  });

  it("an input above the size limit fails with one line naming the limit", async () => {
    await expect(readInput(GOOD, 1000)).rejects.toThrow(/larger than the input limit \(13264 bytes > 1000 bytes; see --max-input-mb\)/);
    const r = spawnSync(process.execPath, [BIN, "extract", GOOD, "--max-input-mb", "0.001"], { encoding: "utf8" });
    expect([r.status, r.stdout]).toEqual([1, ""]);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a file name with a line break gives a one-line failure (control characters escaped)", () => {
    const odd = join(base, "bad\nname.txt");
    writeFileSync(odd, "");
    const r = spawnSync(process.execPath, [BIN, "build", "--in", odd, GOOD, "--out", join(base, "o1")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe("bad\\x0aname.txt: empty file");
  });
});

describe("one bad file never sinks the build", () => {
  it("a PDF with 100 000 nested arrays in a resource dictionary is that file's one-line failure", async () => {
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"),
      Buffer.from("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Foo "),
      Buffer.from("[".repeat(100_000)),
      Buffer.from(" >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
    ]);
    writeFileSync(join(base, "deep.pdf"), pdf);
    const res = await extractInputs([join(base, "deep.pdf"), GOOD]);
    expect(res.failures).toHaveLength(1);
    expect(res.failures[0]!.file).toBe("deep.pdf");
    expect(res.failures[0]!.reason).not.toContain("\n");
    expect(res.inputs.map((i) => i.name)).toEqual([SEED.west]);
  });
});

describe("no recursion or spread proportional to the input", () => {
  it("HTML nested 10 000 levels deep, and left unclosed, still gives its text", async () => {
    const deep = `<html><body>${"<div>".repeat(10_000)}深层正文第一段${"</div>".repeat(10_000)}<p>之后的段落</p></body></html>`;
    expect(await htmlToText(deep)).toBe("深层正文第一段\n\n之后的段落");
    const open = `<html><body>${"<div><span>".repeat(10_000)}未闭合的正文`;
    expect(await htmlToText(open)).toContain("未闭合的正文");
  });

  it("no call in src/ spreads an array into arguments (push(...x), Math.max(...x)): their size is the input's", () => {
    const offenders: string[] = [];
    const todo = [join(ROOT, "src")];
    while (todo.length) {
      const d = todo.pop()!;
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) { if (e.name !== "generated") todo.push(p); continue; }
        if (!e.name.endsWith(".ts")) continue;
        readFileSync(p, "utf8").split("\n").forEach((l, i) => {
          // a spread of a fixed data table (the unit names) is bounded by the data, not the input
          if (/[\w)\]]\(\.\.\./.test(l) && !/UNIT_NAMES/.test(l)) offenders.push(`${p.slice(ROOT.length + 1)}:${i + 1}: ${l.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("a 30 000-item amount list and a 30 000-code road list extract without overflow", async () => {
    const money = await ingestBytes("money.txt", Buffer.from(`对${"100万元、".repeat(30_000)}企业给予一次性奖励。`));
    expect(extractSource(money, ["subsidies"]).records.subsidies.length).toBeGreaterThan(1000);
    const roads = await ingestBytes("roads.txt", Buffer.from(`建设${Array.from({ length: 30_000 }, (_, i) => `G${i + 1}至`).join("")}G0高速公路。`));
    expect(() => extractSource(roads, ["highways", "projects"])).not.toThrow();
  });
});

describe("decoding by evidence", () => {
  const seed = readFileSync(GOOD);
  it("UTF-8 with three damaged bytes stays UTF-8: each bad sequence becomes U+FFFD, with a warning", () => {
    const damaged = Buffer.concat([seed.subarray(0, 3000), Buffer.from([0xff, 0xfe, 0xfd]), seed.subarray(3000)]);
    const d = decodeBytes(damaged);
    expect(d.encoding).toBe("utf-8");
    expect(d.text).toContain("西部大开发");
    expect(d.warnings).toEqual([expect.stringMatching(/^\d+ invalid UTF-8 byte sequence\(s\) replaced by U\+FFFD$/)]);
  });

  it("the warning is recorded in the manifest for that input, and the records are not mojibake", async () => {
    const damaged = Buffer.concat([seed.subarray(0, 3000), Buffer.from([0xff, 0xfe, 0xfd]), seed.subarray(3000)]);
    writeFileSync(join(base, "damaged.txt"), damaged);
    const r = spawnSync(process.execPath, [BIN, "build", "--in", join(base, "damaged.txt"), "--out", join(base, "o2")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const m = JSON.parse(readFileSync(join(base, "o2", "manifest.json"), "utf8"));
    expect(m.inputs[0].warnings[0]).toMatch(/invalid UTF-8 byte sequence/);
    expect(readFileSync(join(base, "o2", "documents.json"), "utf8")).toContain("西部大开发");
  });

  it("GB18030 bytes (clean as GB18030, not UTF-8) are GB18030, with no warning", () => {
    const gb = readFileSync(join(ROOT, "test", "fixtures", "004_notice.gb2312.html"));
    const d = decodeBytes(gb);
    expect(d.encoding).toBe("gb18030");
    expect(d.warnings).toBeUndefined();
  });
});
