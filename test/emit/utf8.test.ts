import { describe, expect, it } from "vitest";
import { writeUtf8 } from "../../src/emit/utf8.js";
import { SEED, seedText } from "../helpers.js";

/** What writeUtf8 writes, and what Buffer.write writes, into buffers with room for 3 bytes per code unit. */
function both(text: string, at = 0): [Buffer, Buffer] {
  const a = Buffer.alloc(at + 3 * text.length), b = Buffer.alloc(at + 3 * text.length);
  const n = writeUtf8(text, a, at), m = b.write(text, at, "utf8");
  return [a.subarray(0, at + n), b.subarray(0, at + m)];
}

describe("writeUtf8 (simdutf through transcode, Buffer.write for the rest)", () => {
  const text = seedText(SEED.annual);

  it("writes a seed's text, in pieces of every size class and at an offset, as Buffer.write does", () => {
    for (const size of [0, 1, 100, 1023, 1024, 1025, 8192, 40_000, 1 << 17, (1 << 17) + 1]) {
      const piece = text.repeat(Math.ceil((size + 1) / text.length)).slice(0, size);
      for (const at of [0, 7]) {
        const [a, b] = both(piece, at);
        expect(a.equals(b)).toBe(true);
      }
    }
  });

  it("a lone surrogate (U+FFFD in its place) or a pair split over the piece's end gives Buffer.write's bytes; a pair inside gives its 4 bytes", () => {
    const piece = text.slice(0, 3000);
    for (const odd of ["\ud800", "\udc00", "\udc00\ud800", "😀"]) {
      for (const where of [0, 1500, 3000]) {
        const [a, b] = both(piece.slice(0, where) + odd + piece.slice(where));
        expect(a.equals(b)).toBe(true);
      }
    }
  });
});
