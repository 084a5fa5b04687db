import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/api.js";
import { reviewPageName } from "../../src/emit/review/page.js";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/**
 * Issue 13, in a real browser: Debian's Chromium, headless, driven by
 * playwright-core (no browser download), opens the review pages of a build.
 */
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SHOTS = join(ROOT, "test", ".output");

const base = mkdtempSync(join(tmpdir(), "review-browser-"));
const input = join(base, "in");
const out = join(base, "out");
let context: BrowserContext;

// a page's text as an attacker would write it: each line must show as text, never run
const HOSTILE_TXT = [
  "关于印发<script>window.__pwned=1</script>的通知",
  "\"onmouseover=\"window.__pwned=2\" x=\"",
  "</textarea><img src=\"http://127.0.0.1:9/x.png\" onerror=\"window.__pwned=3\">",
  "</script><script>window.__pwned=4</script><!--",
  "到2025年，全区粮食产量稳定在400亿斤以上<script>window.__pwned=5</script>。",
  "<style>body{display:none}</style><iframe src=\"https://example.com/\"></iframe>",
].join("\n");
// in HTML the entities decode to the same markup in the extracted text
const HOSTILE_HTML = `<html><head><title>测试&lt;script&gt;</title></head><body><div class="article">
<p>&lt;script&gt;window.__pwned=6&lt;/script&gt;到2025年，森林覆盖率达到25%以上。</p>
<p>&quot;onmouseover=&quot;window.__pwned=7&quot; &lt;/textarea&gt;&lt;img src=x onerror=window.__pwned=8&gt;</p>
</div></body></html>`;

const pageUrl = (name: string) => pathToFileURL(join(out, reviewPageName(name))).href;
const records = (type: string) => JSON.parse(readFileSync(join(out, `${type}.json`), "utf8")) as Array<Record<string, unknown> & { id: string; source_file: string; source_line: number; quote: string }>;

async function open(name: string, hash = ""): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.goto(pageUrl(name) + hash);
  await page.waitForSelector("body[data-ready]", { timeout: 15_000 });
  return { page, requests, problems };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium (README, Tests)`);
  mkdirSync(input);
  writeFileSync(join(input, SEED.annual), readFileSync(join(SEEDS, SEED.annual)));
  writeFileSync(join(input, "hostile.txt"), HOSTILE_TXT);
  writeFileSync(join(input, "hostile.html"), HOSTILE_HTML);
  // a thousand records on one page: the annual plan six times over
  writeFileSync(join(input, "big.txt"), Array(6).fill(readFileSync(join(SEEDS, SEED.annual), "utf8")).join("\n"));
  const res = await build({ inputs: [input], out, cacheDir: null });
  expect(res.written).toBe(true);
  context = await chromium.launchPersistentContext(join(base, "profile"), {
    executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000, viewport: { width: 1400, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  // report any Content-Security-Policy violation to the test
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  rmSync(base, { recursive: true, force: true });
});

describe("review page of an input", () => {
  it("clicking a record scrolls to its line and highlights its quote there", async () => {
    const { page, problems } = await open(SEED.annual);
    const recs = [...records("targets"), ...records("railways")].filter((r) => r.source_file === SEED.annual);
    const src = readFileSync(join(SEEDS, SEED.annual), "utf8").split("\n");
    // a record far down the file, whose quote stands as written on its line
    const r = recs.filter((x) => src[x.source_line - 1]!.includes(x.quote)).at(-1)!;
    await page.click(`[id="r-${r.id}"]`);
    const line = page.locator(".l.on");
    await expect(line.count()).resolves.toBe(1);
    expect(await line.getAttribute("id")).toBe(`L${r.source_line}`);
    expect(await line.locator(".x").textContent()).toContain(r.quote);
    expect((await page.locator("mark.on").allTextContents()).join("")).toBe(r.quote);
    // scrolled into view inside the source pane
    const [box, pane] = [await line.boundingBox(), await page.locator("#src").boundingBox()];
    expect(box!.y).toBeGreaterThanOrEqual(pane!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(pane!.y + pane!.height);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "review-annual.png") });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("filtering by type shows that type's records and the count says so; search narrows further", async () => {
    const { page } = await open(SEED.annual);
    const all = ["documents", "targets", "projects", "railways", "highways", "subsidies"].flatMap((t) => records(t)).filter((r) => r.source_file === SEED.annual);
    await expect(page.locator("#count").textContent()).resolves.toBe(`${all.length} of ${all.length} records`);
    const railways = records("railways").filter((r) => r.source_file === SEED.annual);
    await page.selectOption("#f-type", "railways");
    await expect(page.locator("#count").textContent()).resolves.toBe(`${railways.length} of ${all.length} records`);
    expect(await page.locator("#list li:not([hidden])").count()).toBe(railways.length);
    expect(await page.locator("#list li:not([hidden]) .ty").allTextContents()).toEqual(railways.map(() => "railways"));
    const name = String(railways[0]!.name);
    await page.fill("#q", name);
    const hits = railways.filter((r) => Object.values(r).some((v) => String(v).includes(name)));
    await expect(page.locator("#count").textContent()).resolves.toBe(`${hits.length} of ${all.length} records`);
    await page.close();
  });

  it("clicking a highlighted passage lists its records; the keyboard moves through the list", async () => {
    const { page } = await open(SEED.annual);
    const mark = page.locator("mark").nth(5);
    const ids = (await mark.getAttribute("data-r"))!.split(" ");
    await mark.click();
    await expect(page.locator("#list li:not([hidden])").count()).resolves.toBe(ids.length);
    await expect(page.locator("#pin").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape"); // back to every record
    await expect(page.locator("#pin").isVisible()).resolves.toBe(false);
    await page.locator("#list button.rec").first().focus();
    await page.keyboard.press("ArrowDown");
    const second = page.locator("#list button.rec").nth(1);
    expect(await second.evaluate((b) => b === document.activeElement && b.classList.contains("on"))).toBe(true);
    const line = await second.locator(".ln").textContent();
    expect(await page.locator(".l.on").getAttribute("id")).toBe(line!.replace(/^L/, "L"));
    await page.keyboard.press("Enter"); // a focused highlight opens with Enter too
    await page.locator("mark").first().focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#pin").isVisible()).resolves.toBe(true);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.close();
  });

  it("a thousand records on one page: listed, filtered and selectable", async () => {
    const { page, problems } = await open("big.txt");
    const n = ["documents", "targets", "projects", "railways", "highways", "subsidies"].flatMap((t) => records(t)).filter((r) => r.source_file === "big.txt").length;
    expect(n).toBeGreaterThanOrEqual(1000);
    await expect(page.locator("#count").textContent()).resolves.toBe(`${n} of ${n} records`);
    const last = page.locator("#list button.rec").last();
    await last.click();
    expect(await page.locator(".l.on").count()).toBe(1);
    await page.selectOption("#f-type", "targets");
    const targets = records("targets").filter((r) => r.source_file === "big.txt").length;
    await expect(page.locator("#count").textContent()).resolves.toBe(`${targets} of ${n} records`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("hostile input", () => {
  for (const name of ["hostile.txt", "hostile.html"]) {
    it(`${name}: its markup shows as text; no script runs, no request leaves the page`, async () => {
      const { page, requests, problems } = await open(name);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        csp: (window as unknown as { __csp: string[] }).__csp,
        scripts: document.scripts.length,
        injected: document.querySelectorAll("img, iframe, textarea, style:not(head style)").length,
        text: document.getElementById("src")!.textContent,
      }));
      expect(state.pwned).toBeNull();
      expect(state.csp).toEqual([]);
      expect(state.scripts).toBe(2); // the page's own data block and script
      expect(state.injected).toBe(0);
      if (name === "hostile.txt") {
        expect(state.text).toContain("<script>window.__pwned=1</script>");
        expect(state.text).toContain("\"onmouseover=\"window.__pwned=2\"");
        expect(state.text).toContain("</textarea><img src=\"http://127.0.0.1:9/x.png\"");
      } else {
        expect(state.text).toContain("<script>window.__pwned=6</script>");
        expect(state.text).toContain("</textarea><img src=x onerror=window.__pwned=8>");
      }
      // the list is built from the same text: click every record
      const n = await page.locator("#list button.rec").count();
      for (let i = 0; i < n; i++) await page.locator("#list button.rec").nth(i).click();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
      expect(requests).toEqual([pageUrl(name)]);
      expect(problems).toEqual([]);
      const csp = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/connect-src 'none'/);
      await page.close();
    });
  }
});

describe("review index", () => {
  it("per-document counts by type as bars, linking to the input's page filtered to the document", async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const url = pathToFileURL(join(out, "review", "index.html")).href;
    await page.goto(url);
    const docs = records("documents").filter((d) => d.source_file === SEED.annual);
    const link = page.locator("a", { hasText: String(docs[0]!.title) }).first();
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(4);
    await link.click();
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator("#f-doc").inputValue()).toBe(String(docs[0]!.title));
    expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
    await page.close();
  });
});
