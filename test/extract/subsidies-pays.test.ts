import { describe, expect, it } from "vitest";
import { paysOf, sharedPay } from "../../src/extract/subsidies/amounts.js";

const piece = (text: string) => ({ start: 0, end: text.length, text });

/**
 * Every payout has one shape (amounts.ts makePay): the same fields in the same order whatever its role,
 * and a shared copy too. Payouts made by literals of three orders, spreads and copies had five maps, and
 * their readers were megamorphic or deoptimized on meeting a new one. Sentences from the seeds and the
 * test corpus (the range).
 */
describe("subsidies payouts", () => {
  it("a rate with its cap, a range, a rate range and fixed amounts share one shape; a shared cap keeps it", () => {
    const texts = [
      "12.支持乳制品加工企业发展精深加工，对新建或改扩建生产原制奶酪、乳清、乳铁蛋白等乳制品精深加工项目的企业，按照设备投资总额的10%给予最高5000万元补贴。",
      "对引进的高层次人才和科研团队，根据其创新能力、项目与生态科技创新城产业的结合程度，给予20万~100万元的资金资助。",
      "对小微企业产品价格给予6%—10%的扣除。",
      "对绩效评价优秀的众创空间、孵化器分别给予40万元、50万元奖励性后补助支持。",
    ];
    const pays = texts.flatMap((t) => paysOf(piece(t), t));
    expect(pays.map((p) => [p.role, p.yuan, p.low, p.high, p.rate, p.rateHigh, p.rateBase])).toEqual([
      ["rate", null, null, null, 10, null, "设备投资总额"], ["cap", 50000000, null, null, null, null, null],
      ["range", null, 200000, 1000000, null, null, null],
      ["rate", null, null, null, 6, 10, null],
      ["fixed", 400000, null, null, null, null, null], ["fixed", 500000, null, null, null, null, null],
    ]);
    const shared = sharedPay(pays[1]!, 3);
    expect(shared).toMatchObject({ role: "cap", yuan: 50000000, shared: true, scheduleYears: 3 });
    const keys = Object.keys(pays[0]!).join();
    for (const p of [...pays, shared]) expect(Object.keys(p).join()).toBe(keys);
  });
});
