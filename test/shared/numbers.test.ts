import { describe, expect, it } from "vitest";
import { decFromString, decToString, mulPow10 } from "../../src/shared/decimal.js";
import { chineseDigitsValue, decToNumber, findQuantities, nextQuantityStart, normalizedValue, parseChineseNumeral, SCALED_QUANTITY_PLACES, yuanOf } from "../../src/shared/numbers.js";

const one = (s: string) => {
  const q = findQuantities(s);
  expect(q.length).toBeGreaterThan(0);
  return q[0]!;
};

describe("exact decimal scaling", () => {
  it("16.4亿 is exactly 1640000000 (float multiplication gives 1639999999.9999998)", () => {
    expect(16.4 * 1e8).not.toBe(1640000000);
    expect(normalizedValue(one("新增投资16.4亿元"))).toBe(1640000000);
  });
  it("keeps decimals exact through scaling", () => {
    expect(decToString(mulPow10(decFromString("0.612")!, 4))).toBe("6120");
    expect(yuanOf(one("给予4.5万元补助"))).toBe(45000);
    expect(yuanOf(one("最高1亿元"))).toBe(100000000);
  });
});

describe("decFromString reads what its grammar /^(-)?(\\d+)(?:\\.(\\d+))?$/ (after dropping commas) reads", () => {
  it("plain numbers, long ones exactly, and what is no number", () => {
    const dec = (s: string) => { const d = decFromString(s); return d && [d.int, d.scale]; };
    expect(dec("0.612")).toEqual([612n, 3]);
    expect(dec("-3")).toEqual([-3n, 0]);
    expect(dec("007.50")).toEqual([750n, 2]);
    expect(dec("123456789012345678901.5")).toEqual([1234567890123456789015n, 1]); // beyond a double: a bigint of the digits
    expect(dec("1,234.5")).toEqual([12345n, 1]);
    expect(dec("1,2")).toEqual([12n, 0]); // commas dropped wherever they are
    for (const no of ["", "-", "5.", ".5", "-.5", "1.2.3", "1e5", " 1", "１"]) expect(dec(no), no).toBeNull();
  });
});

describe("decToNumber of an integer is the nearest double, as its decimal string parses", () => {
  it("small, past 2^53 (ties to even), huge and negative integers; a fraction still goes through its string", () => {
    const ints = [0n, 7n, -42n, 2n ** 53n + 1n, 2n ** 54n + 2n, 2n ** 54n + 6n, 10n ** 25n + 123456789n, -(2n ** 60n) - 1n, 99999999999999999999999n];
    for (const int of ints) expect(decToNumber({ int, scale: 0 }), String(int)).toBe(Number(decToString({ int, scale: 0 })));
    expect(decToNumber(decFromString("16.40")!)).toBe(16.4);
    expect(normalizedValue(one("新增投资16.4亿元"))).toBe(1640000000); // mulPow10 leaves an integer
  });
});

describe("Chinese numerals", () => {
  it.each([["二〇三五", 2035], ["十五", 15], ["两", 2], ["一万二千", 12000], ["三百", 300], ["二十一", 21]])("%s → %d", (s, n) => {
    expect(decToNumber(parseChineseNumeral(s)!)).toBe(n);
  });
  it("a year written in Chinese digits (到二〇三五年, 二零二五年) reads as parseChineseNumeral reads it", () => {
    for (const s of ["二〇三五", "二零二五", "一九四九", "二〇〇〇"]) expect(chineseDigitsValue(s)).toBe(decToNumber(parseChineseNumeral(s)!));
    expect(chineseDigitsValue("二〇三五")).toBe(2035);
  });
  it("a numeral needs a unit: 一体化 and 统一 are words", () => {
    expect(findQuantities("推动京津冀协同发展和区域一体化，统一大市场")).toEqual([]);
  });
});

describe("quantities as written", () => {
  it("keeps the scale word in the unit: 1.3亿吨", () => {
    const q = one("粮食产量稳定在1.3亿吨以上");
    expect([decToNumber(q.value), q.unit, q.unitNormalized]).toEqual([1.3, "亿吨", "t"]);
  });
  it("千万亩 is 1000 万亩", () => {
    const q = one("新增千万亩高标准农田");
    expect([decToNumber(q.value), q.unit]).toEqual([1000, "万亩"]);
  });
  it("ranges 2—3家, 100—300万元, 6%—10%", () => {
    const a = one("培育2—3家龙头企业");
    expect([decToNumber(a.value), decToNumber(a.high!), a.unit]).toEqual([2, 3, "家"]);
    const b = one("给予100—300万元奖励");
    expect([yuanOf(b), yuanOf(b, b.high!)]).toEqual([1000000, 3000000]);
    const c = one("价格扣除比例由6%—10%提高至10%—20%");
    expect([decToNumber(c.value), decToNumber(c.high!), c.unit]).toEqual([6, 10, "%"]);
  });
  it("Chinese numerals: a range, a %, a scale word or a unit after them makes a number; a word stays a word", () => {
    // a range of Chinese numerals (corpus/wild: 由一至六类本土人才领衔的团队)
    const r = one("由一至六类本土人才领衔的团队");
    expect([decToNumber(r.value), decToNumber(r.high!), r.unit]).toEqual([1, 6, "类"]);
    const y = one("用三到五年时间");
    expect([decToNumber(y.value), decToNumber(y.high!), y.unit]).toEqual([3, 5, "年"]);
    expect(one("新增十五%").unit).toBe("%");
    expect(one("新增三千万亩").unit).toBe("万亩");
    expect(findQuantities("统一规划，进一步提高一体化水平")).toEqual([]);
  });
  it("per-suffix units: 13亿吨/年", () => {
    expect(one("稳定在13亿吨/年左右").unit).toBe("亿吨/年");
  });
  it("thousands separators", () => {
    expect(yuanOf(one("1,234.5万元"))).toBe(12345000);
  });
});

describe("the number scan reads tokens as the number grammar does", () => {
  it("a thousands group is exactly three digits; a dot needs a digit after it; —— is one range separator", () => {
    const raws = (s: string) => findQuantities(s).map((q) => [q.raw, q.unit]);
    expect(raws("1,2345亩")).toEqual([["1,234", null], ["5亩", "亩"]]);
    expect(raws("3.元")).toEqual([["3", null]]);
    expect(raws("1——3家")).toEqual([["1——3家", "家"]]);
    expect(raws("两万亿元")).toEqual([["两万亿元", "万亿元"]]);
  });
});

describe("the scan skips to each number start by a search", () => {
  it("numbers at the start and the end, after a long run without one, and words of numerals (统一, 进一步) between them", () => {
    const raws = (s: string) => findQuantities(s).map((q) => q.raw);
    expect(raws("5亩")).toEqual(["5亩"]);
    expect(raws("新增耕地5亩")).toEqual(["5亩"]);
    expect(raws(`${"推进统一大市场建设，进一步优化营商环境".repeat(50)}新增千万亩高标准农田，投资3亿元`)).toEqual(["千万亩", "3亿元"]);
    expect(raws("对首次认定的高新技术企业给予一次性30万元奖励，单个企业每年最高不超过500万元")).toEqual(["30万元", "500万元"]);
  });
});

describe("hostile input stays linear", () => {
  it("a 2 MB run of digits and a 2 MB run of 一 scan without blowing up", () => {
    const digits = "9".repeat(2_000_000);
    expect(findQuantities(digits + "亩")).toEqual([]); // a 2M-digit run is noise, not a quantity
    expect(findQuantities(digits + " 和 5亩").length).toBe(1);
    expect(findQuantities("一".repeat(2_000_000)).length).toBe(0);
    expect(findQuantities("1—".repeat(500_000)).length).toBeGreaterThan(0);
  });
});

/** every clause (cut at ，：；。！？ and line ends) of the seeds and of the test corpus's sentences */
async function seedAndCorpusClauses(): Promise<string[]> {
  const { readdirSync } = await import("node:fs");
  const { SEEDS, seedText } = await import("../helpers.js");
  const corpus = (await import("../corpus/sentences.json", { with: { type: "json" } })).default as Record<string, { text: string }>;
  return [
    ...readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).map(seedText),
    ...Object.values(corpus).map((s) => s.text),
  ].flatMap((t) => t.split(/[，,：:；;。！？!?\n]/));
}

describe("nextQuantityStart: where a quantity can start", () => {
  it("a clause without such a place holds no quantity, and one with quantities has the place at or before the first: every clause of the seeds and the test corpus", async () => {
    const clauses = await seedAndCorpusClauses();
    let passed = 0, held = 0;
    for (const c of clauses) {
      const qs = findQuantities(c);
      const at = nextQuantityStart(c, 0);
      if (at < 0) { passed++; expect(qs, c).toEqual([]); } else if (qs.length) { held++; expect(at, c).toBeLessThanOrEqual(qs[0]!.start); }
    }
    // most clauses are passed (进一步, 统一 are no place), and many hold quantities
    expect(passed).toBeGreaterThan(clauses.length / 2);
    expect(held).toBeGreaterThan(1000);
  });
  it("every quantity that starts with a digit or holds a scale character holds a SCALED_QUANTITY_PLACES place: every clause of the seeds and the test corpus", async () => {
    const clauses = await seedAndCorpusClauses();
    let checked = 0;
    for (const c of clauses) for (const q of findQuantities(c)) {
      if (!/^\d/.test(q.raw) && !/[十百千万亿]/.test(q.raw)) continue;
      checked++;
      const at = Math.min(...SCALED_QUANTITY_PLACES.map((f) => f(c, q.start)).map((x) => (x < 0 ? Infinity : x)));
      expect(at, c).toBeLessThan(q.end);
    }
    expect(checked).toBeGreaterThan(1000);
    // a run of numerals without a scale is no such place; 千万亩 and 三百亿元 are
    const first = (t: string) => Math.min(...SCALED_QUANTITY_PLACES.map((f) => f(t, 0)).map((x) => (x < 0 ? Infinity : x)));
    expect(first("分批次培育一批龙头企业，两个屏障")).toBe(Infinity);
    expect(first("新增千万亩高标准农田")).toBe(2);
    expect(first("完成投资三百亿元")).toBe(5);
    // a scale character in a run followed by no unit, %, range or scale is no place either (“十四五”, 第十章, 十三届); 三十% is
    expect(first("“十四五”时期，第十章，十三届人大")).toBe(Infinity);
    expect(first("“十四五”时期，提高三十%")).toBe(11);
    expect(first("二十至三十万亩")).toBe(1);
  });
  it("the scale characters of a unit name or per-suffix past its first character sit in a run its name continues with what can follow a number (nextScalePlace)", async () => {
    const units = (await import("../../src/data/units.json", { with: { type: "json" } })).default as { units: Record<string, unknown>; perSuffixes: string[] };
    const names = [...Object.keys(units.units), ...units.perSuffixes];
    const scaled = names.filter((n) => /[十百千万亿]/.test(n.slice(1)));
    expect(scaled).toContain("个百分点");
    expect(scaled).toContain("/千瓦时");
    // for each, the first character after the name's last scale run is one a quantity's number can be followed by
    const first = (t: string) => Math.min(...SCALED_QUANTITY_PLACES.map((f) => f(t, 0)).map((x) => (x < 0 ? Infinity : x)));
    for (const n of scaled) {
      const i = n.slice(1).search(/[十百千万亿]/) + 1;
      expect(first(n.slice(i)), n).toBe(0);
    }
  });
  it("a 2 MB run of 十 is searched for a scale place in linear time", () => {
    const first = (t: string) => Math.min(...SCALED_QUANTITY_PLACES.map((f) => f(t, 0)).map((x) => (x < 0 ? Infinity : x)));
    expect(first("十".repeat(2_000_000) + "步")).toBe(Infinity);
    expect(first("十步".repeat(1_000_000) + "十亩")).toBe(2_000_000);
  });
  it("a Chinese numeral is a place before another numeral or what follows a number, not in a word", () => {
    expect(nextQuantityStart("推进统一大市场建设，进一步优化营商环境", 0)).toBe(-1);
    expect(nextQuantityStart("新增千万亩高标准农田", 0)).toBe(2); // 千 before 万
    expect(nextQuantityStart("由一至六类本土人才", 0)).toBe(1); // 一 before a range separator
    expect(nextQuantityStart("培育两家龙头企业", 0)).toBe(2); // 两 before a unit
    expect(nextQuantityStart("统一规划，新增5亩", 0)).toBe(7);
    expect(nextQuantityStart("新增5亩", 4)).toBe(-1);
  });
  it("a 2 MB run of 一 and one of digits are searched in linear time", () => {
    expect(nextQuantityStart("一".repeat(2_000_000) + "步", 0)).toBe(0);
    expect(nextQuantityStart("统".repeat(2_000_000) + "5", 0)).toBe(2_000_000);
  });
});

describe("the scan's steps (quantityAt, chineseQuantity, quantityFrom, quantityOf: functions of their own)", () => {
  it("real clauses give each quantity with its range, unit and where the scan resumes, as the one function gave them", () => {
    // [text, [start, end, raw, value, high, unit, unitNormalized, exponent] of each quantity], as findQuantities gave them at befc79f
    const cases: Array<[string, Array<[number, number, string, string, string | null, string | null, string | null, number]>]> = [
      ["力争到2025年粮食产量稳定在60亿斤、160亿斤以上", [[3,8,"2025年","2025",null,"年","year",0],[15,19,"60亿斤","60",null,"亿斤","jin",8],[20,25,"160亿斤","160",null,"亿斤","jin",8]]],
      ["每年新增就业3至5万人，培育二至三家龙头企业", [[6,11,"3至5万人","3","5","万人","person",4],[14,18,"二至三家","2","3","家","家",0]]],
      ["降低6%—10%，投资100—300万元", [[2,8,"6%—10%","6","10","%","%",0],[11,20,"100—300万元","100","300","万元","yuan",4]]],
      ["建设高标准农田三千万亩，统一规划，进一步提高", [[7,11,"三千万亩","3000",null,"万亩","mu",4]]],
      ["十四五时期新建一万二千套，一至二成", [[7,12,"一万二千套","12000",null,"套","套",0]]],
      ["规模达到1,000亿元，增长8.5%左右", [[4,11,"1,000亿元","1000",null,"亿元","yuan",8],[14,18,"8.5%","8.5",null,"%","%",0]]],
      ["第三十二条 两个屏障，三千万", [[1,5,"三十二条","32",null,"条","条",0],[6,8,"两个","2",null,"个","个",0]]],
      ["2-3公里，五十至百亿元，两到三倍", [[0,5,"2-3公里","2","3","公里","km",0],[6,12,"五十至百亿元","50","10000000000","元","yuan",0],[13,17,"两到三倍","2","3","倍","times",0]]]
    ];
    for (const [text, want] of cases) {
      expect(findQuantities(text).map((q) => [q.start, q.end, q.raw, decToString(q.value), q.high && decToString(q.high), q.unit, q.unitNormalized, q.exponent])).toEqual(want);
    }
  });
});

describe("a quantity at the very end of a text reads as it does with the sentence's punctuation after it", () => {
  // the scan never reads past the end of its text (numbers.ts numberEnd, codeAt): clauses of the seeds, as an
  // extractor passes them (without their ，。), and texts cut inside a number's grammar (after a comma or a point)
  it("seed clauses ending in a number, a unit, a % or a range", () => {
    const texts = [
      "农田灌溉水有效利用系数达到 0.612", "城镇新增就业106万人", "基本医疗保险、基本养老保险参保率均超过95%",
      "起付线降低20%到50%", "报销比例在原有基础上提高15%到20%", "中央财政每年安排天然林资源保护工程财政资金23.5亿元", "10%—20%",
    ];
    for (const t of texts) {
      const bare = findQuantities(t);
      expect(bare.length, t).toBe(1);
      expect(bare, t).toEqual(findQuantities(t + "。"));
    }
    expect(one("农田灌溉水有效利用系数达到 0.612").raw).toBe("0.612");
    expect(one("起付线降低20%到50%").raw).toBe("20%到50%");
  });
  it("a text ending after a thousands comma, a decimal point or a range separator", () => {
    expect(findQuantities("投资1,200").map((q) => q.raw)).toEqual(["1,200"]);
    expect(findQuantities("新增1,2").map((q) => q.raw)).toEqual(["1", "2"]);
    expect(findQuantities("增长3.").map((q) => q.raw)).toEqual(["3"]);
    expect(findQuantities("达到20—").map((q) => q.raw)).toEqual(["20"]);
    expect(findQuantities("两千万")).toEqual([]);
  });
});
