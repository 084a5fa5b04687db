import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { releaseBytes } from "../../src/ingest/release-bytes.js";
import { ROOT, SEED } from "../helpers.js";

const ab = () => process.memoryUsage().arrayBuffers;

describe("releaseBytes: a large input's bytes go as soon as its text is read", () => {
  it("frees a buffer read from a file at once, leaving it detached", async () => {
    const seed = await readFile(join(ROOT, "seeds", SEED.annual));
    const big = Buffer.alloc(8 << 20);
    for (let o = 0; o < big.length; o += seed.length) seed.copy(big, o);
    // the first call loads worker_threads, which holds a few bytes of array buffers of its own
    await releaseBytes(Buffer.alloc(1 << 20));
    const before = ab();
    await releaseBytes(big);
    expect(big.byteLength).toBe(0);
    // its 8 MiB are gone; the bound leaves 64 KiB for array buffers the process makes meanwhile
    // (a fresh-clone CI run once saw 45 bytes fewer than 8 MiB freed)
    expect(before - ab()).toBeGreaterThanOrEqual((8 << 20) - (64 << 10));
  });

  it("leaves alone what it does not own whole: a view into a larger buffer, a small pooled buffer, a detached one", async () => {
    const whole = Buffer.alloc(4 << 20, 1);
    const view = whole.subarray(1, 2 << 20);
    await releaseBytes(view);
    expect(view.byteLength).toBe((2 << 20) - 1);
    expect(whole[0]).toBe(1);
    const small = Buffer.from("到2025年");
    await releaseBytes(small);
    expect(small.toString()).toBe("到2025年");
    const gone = Buffer.alloc(2 << 20);
    await releaseBytes(gone);
    await expect(releaseBytes(gone)).resolves.toBeUndefined();
  });
});
