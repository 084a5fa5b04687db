import { describe, expect, it } from "vitest";
import { decodeBytes, decodeInPieces, looksBinary } from "../../src/ingest/decode.js";

const LINE = "《2025 年内蒙古自治区国民经济和社会发展规划》已经自治区十四届人大三次会议审议通过";

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) { const t = le[i]!; le[i] = le[i + 1]!; le[i + 1] = t; }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe("decodeBytes", () => {
  it("strict UTF-8 without BOM", () => {
    expect(decodeBytes(Buffer.from(LINE))).toEqual({ text: LINE, encoding: "utf-8" });
  });
  it("UTF-8 BOM is dropped", () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LINE)]))).toEqual({ text: LINE, encoding: "utf-8" });
  });
  it("UTF-16 LE and BE with BOM", () => {
    expect(decodeBytes(utf16le(LINE))).toEqual({ text: LINE, encoding: "utf-16le" });
    expect(decodeBytes(utf16be(LINE))).toEqual({ text: LINE, encoding: "utf-16be" });
  });
  it("not UTF-8 → GB18030, including its 4-byte sequences (𠀀 㐀 ©), which 'gbk' decoders break", () => {
    // 内政发 in GB18030 (= GBK for these) followed by 𠀀 㐀 © (4-byte GB18030)
    const bytes = Buffer.from([0xc4, 0xda, 0xd5, 0xfe, 0xb7, 0xa2, 0x95, 0x32, 0x82, 0x36, 0x81, 0x39, 0xee, 0x39, 0x81, 0x30, 0x84, 0x38]);
    expect(decodeBytes(bytes)).toEqual({ text: "内政发𠀀㐀©", encoding: "gb18030" });
  });
  it("a UTF-16 file with an odd byte count fails loudly instead of producing garbage", () => {
    expect(() => decodeBytes(Buffer.concat([utf16le(LINE), Buffer.from([0x41])]))).toThrow();
  });
});

describe("decodeInPieces", () => {
  it("streams every piece and flushes the end: a sequence cut by the end of the file is replaced as by one call", () => {
    const cut = Buffer.from(LINE).subarray(0, Buffer.from(LINE).length - 1); // 通过 loses its last byte
    for (const bytes of [cut, Buffer.concat([Buffer.from((LINE + "\n").repeat(800)), cut])]) {
      const decoded = decodeInPieces(bytes);
      expect(decoded.pieces.join("")).toBe(new TextDecoder().decode(bytes));
      expect(decoded.pieces.join("").endsWith("\ufffd")).toBe(true);
      expect(decoded.warnings).toEqual(["1 invalid UTF-8 byte sequence(s) replaced by U+FFFD"]);
    }
    expect(decodeInPieces(Buffer.from((LINE + "\n").repeat(800))).pieces.length).toBeGreaterThan(2);
  });
});

describe("looksBinary", () => {
  it("text is not binary; NUL bytes or a high share of control characters are", () => {
    expect(looksBinary(LINE + "\n\t" + LINE)).toBe(false);
    expect(looksBinary("abc\u0000def")).toBe(true);
    expect(looksBinary("\u0001\u0002\u0003".repeat(10) + LINE)).toBe(true);
    expect(looksBinary("")).toBe(false);
  });
  it("answers as the loop over code units it replaced, at the 2% line and past the first 64 Ki characters", () => {
    const byLoop = (text: string) => {
      const n = Math.min(text.length, 65536);
      if (n === 0) return false;
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0) return true;
        if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
      }
      return bad / n > 0.02;
    };
    const odd = Array.from({ length: 33 }, (_, c) => String.fromCharCode(c)).concat("\ufffd", "\u007f", "\u0080");
    for (const ch of odd) for (const k of [0, 1, 2, 3]) {
      // 50 lines of LINE are ~2 200 characters: 0, 30, 60 or 90 odd ones are either side of 2%
      const text = (LINE + "\n").repeat(50).replace(/。|会/g, "") + ch.repeat(k * 30);
      expect(looksBinary(text)).toBe(byLoop(text));
      const long = LINE.repeat(1600) + ch.repeat(5000); // past 64 Ki characters
      expect(looksBinary(long)).toBe(byLoop(long));
    }
  });
  it("random bytes decoded as GB18030 (the fallback) count as binary", () => {
    let x = 12345;
    const bytes = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff);
    expect(looksBinary(decodeBytes(bytes).text)).toBe(true);
  });
});
