import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { AtomicDir, checkReplaceable, OutputError, runCleanups, type FileSink } from "../../src/emit/atomic.js";

setFlagsFromString("--expose-gc");

const base = mkdtempSync(join(tmpdir(), "atomic-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const leftovers = () => readdirSync(base).filter((n) => n.includes("-tmp-"));

describe("AtomicDir", () => {
  it("commit swaps the new directory in, whole, and leaves no temp dir", async () => {
    const out = join(base, "out");
    mkdirSync(out);
    writeFileSync(join(out, "old.json"), "old");
    const d = await AtomicDir.open(out);
    await d.write("new.json", "new");
    expect(readdirSync(out)).toEqual(["old.json"]); // nothing visible before the swap
    await d.commit();
    expect(readdirSync(out)).toEqual(["new.json"]);
    expect(statSync(out).mode & 0o777).toBe(0o755); // not mkdtemp's 0700
    expect(leftovers()).toEqual([]);
  });

  it("abort after a failed write leaves the previous directory as it was, and no temp dir", async () => {
    const out = join(base, "kept");
    mkdirSync(out);
    writeFileSync(join(out, "documents.json"), "previous");
    const d = await AtomicDir.open(out);
    await d.write("a.json", "partial");
    await expect(d.write("a.json/b.json", "x")).rejects.toThrow(); // a.json is a file, not a folder
    await d.abort();
    expect(readdirSync(out)).toEqual(["documents.json"]);
    expect(readFileSync(join(out, "documents.json"), "utf8")).toBe("previous");
    expect(leftovers()).toEqual([]);
  });

  it("the next build removes temp dirs of killed builds (dead pid), never those of a running one", async () => {
    const out = join(base, "orphans");
    mkdirSync(join(base, ".orphans-tmp-999999999-abc123"));
    mkdirSync(join(base, ".orphans-tmp-999999999-abc123-old"));
    mkdirSync(join(base, `.orphans-tmp-${process.ppid}-running`)); // a live process
    const d = await AtomicDir.open(out);
    await d.write("x.json", "[]\n");
    await d.commit();
    expect(readdirSync(base).filter((n) => n.startsWith(".orphans"))).toEqual([`.orphans-tmp-${process.ppid}-running`]);
    rmSync(join(base, `.orphans-tmp-${process.ppid}-running`), { recursive: true });
  });

  it("creates a missing target (and its parents)", async () => {
    const out = join(base, "a", "b", "c");
    const d = await AtomicDir.open(out);
    await d.write("x.json", "[]\n");
    await d.commit();
    expect(readdirSync(out)).toEqual(["x.json"]);
  });
});

describe("FileSink: text written whole and appended in pieces", () => {
  it("writes the bytes of the whole text, in order, whatever the pieces, a pair of surrogates across every boundary", async () => {
    const out = join(base, "sink");
    const d = await AtomicDir.open(out);
    const f = d.file("t.txt");
    // a line of 1 M characters ends in the first half of 𠀀: the encoder's piece boundary falls inside the pair
    const long = "推".repeat((1 << 20) - 1) + "𠀀尾";
    const lines = Array.from({ length: 3000 }, (_, i) => `第${i}行𠀀\n`);
    f.write("头");
    for (const l of lines.slice(0, 1000)) f.append(l);
    f.write(long); // a write comes after the pieces appended before it
    f.append(long);
    for (const l of lines.slice(1000)) f.append(l);
    const sha = f.close();
    const expected = Buffer.from("头" + lines.slice(0, 1000).join("") + long + long + lines.slice(1000).join(""), "utf8");
    const got = readFileSync(join(d.tmp, "t.txt"));
    expect(got.equals(expected)).toBe(true);
    expect(sha).toBe(createHash("sha256").update(expected).digest("hex"));
    await d.abort();
  });

  it("a pair cut over two appended pieces stays one character; a lone half is U+FFFD, as Buffer.from gives for the whole", async () => {
    const out = join(base, "sink2");
    const d = await AtomicDir.open(out);
    const f = d.file("t.txt");
    const pair = "𠀀", hi = pair[0]!, lo = pair[1]!;
    // cut pairs, lone halves before a write and at the close, pieces around the buffer's size, and
    // short pieces joined past the gathering size (8 K characters) just after a first half
    const pieces = ["行" + hi, lo + "尾", "丙".repeat(8190) + hi, lo + "丁", hi, lo, "甲".repeat(90_000) + hi, lo + "乙".repeat(90_000), hi];
    let whole = "";
    for (const p of pieces) { f.append(p); whole += p; }
    f.write("中"); whole += "中";
    // bytes (a worker's batch) after a first half: the half is U+FFFD, the bytes follow it
    f.append("丑" + hi); f.write(new TextEncoder().encode("字")); whole += "丑" + hi + "字";
    f.append("末" + hi); whole += "末" + hi;
    const sha = f.close();
    const expected = Buffer.from(whole, "utf8");
    const got = readFileSync(join(d.tmp, "t.txt"));
    expect(got.equals(expected)).toBe(true);
    // four pairs rejoined, three lone halves replaced
    expect(got.toString("utf8").split(pair).length - 1).toBe(4);
    expect(got.toString("utf8").split("\ufffd").length - 1).toBe(3);
    expect(sha).toBe(createHash("sha256").update(expected).digest("hex"));
    await d.abort();
  });

  it("a short text written (a CSV header, the JSON's closing) joins the buffer but stays whole: a half pair at its edge never pairs with an appended piece", async () => {
    const out = join(base, "sink3");
    const d = await AtomicDir.open(out);
    const f = d.file("t.txt");
    const pair = "𠀀", hi = pair[0]!, lo = pair[1]!;
    const header = "\ufeffid,source_file,source_line,quote\r\n";
    // each unit encoded on its own: what written and appended text gave when every write was its own system call
    const units = [header, "行" + hi, lo + "\n]\n" + hi, lo + "尾", "\n]\n"];
    f.write(units[0]!);
    f.append(units[1]!);
    f.write(units[2]!);
    f.append(units[3]!);
    f.write(units[4]!);
    f.close();
    const expected = Buffer.concat(units.map((u) => Buffer.from(u, "utf8")));
    expect(readFileSync(join(d.tmp, "t.txt")).equals(expected)).toBe(true);
    expect(expected.toString("utf8").split("\ufffd").length - 1).toBe(4);
    await d.abort();
  });
});

describe("FileSink memory", () => {
  it("a closed sink holds no buffer: a build keeps every sink it opened (one review page per input)", async () => {
    const gc = runInNewContext("gc") as () => void;
    const d = await AtomicDir.open(join(base, "many"));
    const kept: FileSink[] = [];
    gc();
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 200; i++) {
      const f = d.file(`p${i}.html`);
      f.append(`<p>第${i}页</p>\n`);
      f.close();
      kept.push(f);
    }
    gc();
    // 200 append buffers of 256 KiB, if kept, would be 50 MB; what else the process holds moves the
    // figure by up to 12 MB (seen once on a fresh CI clone), so the bound is half the 50 MB
    expect((process.memoryUsage().arrayBuffers - before) / 2 ** 20).toBeLessThan(25);
    await d.abort();
  });
});

describe("a signal while the output is being opened (the launcher runs the pending cleanups, then exits)", () => {
  it("leaves neither the lock nor a temp dir, whichever step of open() it lands in", async () => {
    const out = join(base, "sig");
    const ours = () => readdirSync(base).filter((n) => n.startsWith(".sig"));
    for (let turns = 0; turns < 40; turns++) {
      const opening = AtomicDir.open(out);
      for (let k = 0; k < turns; k++) await new Promise((r) => setImmediate(r));
      runCleanups(); // what SIGINT does before exit
      expect(ours(), `after ${turns} turns`).toEqual([]);
      await (await opening.catch(() => null))?.abort(); // this process goes on: tidy up for the next round
    }
  });
});

describe("checkReplaceable: a build never wipes a directory it did not write", () => {
  it("missing, empty, or a previous output (manifest of this tool): may be replaced", async () => {
    await expect(checkReplaceable(join(base, "nope"), "policy-extract")).resolves.toBeUndefined();
    mkdirSync(join(base, "empty"));
    await expect(checkReplaceable(join(base, "empty"), "policy-extract")).resolves.toBeUndefined();
    mkdirSync(join(base, "prev"));
    writeFileSync(join(base, "prev", "manifest.json"), JSON.stringify({ tool: "policy-extract" }));
    await expect(checkReplaceable(join(base, "prev"), "policy-extract")).resolves.toBeUndefined();
  });

  it("a file, or a directory with other content (src/, the home dir): refused", async () => {
    writeFileSync(join(base, "file"), "x");
    await expect(checkReplaceable(join(base, "file"), "policy-extract")).rejects.toThrow(OutputError);
    mkdirSync(join(base, "src"));
    writeFileSync(join(base, "src", "index.ts"), "export {}");
    await expect(checkReplaceable(join(base, "src"), "policy-extract")).rejects.toThrow(/refusing to replace/);
    mkdirSync(join(base, "other"));
    writeFileSync(join(base, "other", "manifest.json"), JSON.stringify({ tool: "something-else" }));
    await expect(checkReplaceable(join(base, "other"), "policy-extract")).rejects.toThrow(OutputError);
  });
});
