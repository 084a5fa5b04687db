import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUALITATIVE, QUALITATIVE_PLACE_WORDS } from "../../../src/extract/targets/phrases.js";
import { firstPattern, PLACE_WORDS, placeWordsOf } from "../../../src/extract/targets/qualitative.js";
import { readFileSync } from "node:fs";
// a build script (JavaScript): the words are derived at build time
import { GENERATED, requiredWords, requiredWordsTable } from "../../../scripts/gen-required-words.mjs";
import { SEEDS, seedText } from "../../helpers.js";

describe("requiredWords: words every match of a pattern contains", () => {
  it("reads literals, groups and alternations of the qualitative table's shapes", () => {
    expect(requiredWords("(?<v>全覆盖)$")).toEqual(["全覆盖"]);
    // a word containing another is redundant: 清零 is in both longer ones
    expect(requiredWords("(?<v>动态清零|全部清零|清零)$")).toEqual(["清零"]);
    // an optional part needs nothing; the milestone words are needed, the year is a class
    expect(requiredWords("(?<v>(?:\\d{4}|[二〇一三四五六七八九零]{4})年前(?:实现)?(?<i>碳达峰|碳中和))")).toEqual(["碳达峰", "碳中和"]);
    expect(requiredWords("(?<v>[ⅠⅡⅢⅣⅤI]{1,3}类(?:及以上)?水质)$")).toEqual(["水质"]);
    // an escape that stands for one character is that character (the parser reads it as regexpp does)
    expect(requiredWords("(?<v>\\u5168覆\\u{76d6})$")).toEqual(["全覆盖"]);
  });
  it("asks for nothing where a word is not certain", () => {
    expect(requiredWords("[\\u4e00-\\u9fff]{2,8}$")).toBeNull();
    expect(requiredWords("(?:实现)?达标")).toEqual(["达标"]);
    expect(requiredWords("全?覆盖")).toEqual(["覆盖"]);
    expect(requiredWords("(?=全国)[^，]{2}")).toBeNull();
    expect(requiredWords("清零|[\\d]+")).toBeNull();
    expect(requiredWords("(?<v>全覆盖")).toBeNull(); // unreadable: tried everywhere
  });
});

describe("the generated table (src/generated/required-words.json)", () => {
  it("holds every qualitative pattern with the words read from it now: npm run build made it from this table", () => {
    const table = requiredWordsTable();
    expect(Object.keys(table)).toHaveLength(QUALITATIVE.length);
    expect(JSON.parse(readFileSync(GENERATED, "utf8"))).toEqual(table);
    // and the patterns are built with them: most patterns have words
    expect(QUALITATIVE.filter((p) => p.words).length).toBeGreaterThan(QUALITATIVE.length / 2);
    // QUALITATIVE is the table's patterns in order
    Object.values(table).forEach((words, i) => expect(QUALITATIVE[i]!.words).toEqual(words));
  });
});

describe("firstPattern: the qualitative patterns tried only on clauses holding their words", () => {
  it("finds the same first pattern as trying every pattern, on every clause of the seeds", () => {
    let matched = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      for (const clause of seedText(f).split(/[，,：:；;。！？!?\n]/)) {
        const want = QUALITATIVE.find((p) => p.re.test(clause)) ?? null;
        const got = firstPattern(clause)?.p ?? null;
        expect(got, clause).toBe(want);
        if (want) matched++;
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});

describe("placeWords: the pieces a document is searched for", () => {
  const words = [...new Set(QUALITATIVE.flatMap((p) => p.words ?? []))];
  it("every required word holds one of the table's place words (none is searched for itself)", () => {
    for (const w of words) expect(QUALITATIVE_PLACE_WORDS.some((p) => w.includes(p)), w).toBe(true);
    expect(PLACE_WORDS.every((p) => QUALITATIVE_PLACE_WORDS.includes(p))).toBe(true);
  });
  it("a word holding no piece is searched for itself; a piece in no word is not searched for", () => {
    expect(placeWordsOf(["国内领先", "全覆盖", "清零"], ["领先", "水平"])).toEqual(["领先", "全覆盖", "清零"]);
  });
  it("a seed clause holding a required word holds a place word", () => {
    let held = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      for (const clause of seedText(f).split(/[，,：:；;。！？!?\n]/)) {
        if (!words.some((w) => clause.includes(w))) continue;
        held++;
        expect(PLACE_WORDS.some((p) => clause.includes(p)), clause).toBe(true);
      }
    }
    expect(held).toBeGreaterThan(100);
  });
});
