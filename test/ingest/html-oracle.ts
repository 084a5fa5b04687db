/**
 * The reading of an HTML page that src/ingest/html.ts replaced, kept as the
 * oracle its tests compare against: a parse5 DOM (through cheerio) walked for
 * its text. The ingest builds no DOM (a page of 10⁶ elements must fit in
 * 400 MiB, and any tree of it is over that), so it keeps its own stack of open
 * elements by the HTML parsing rules; this is the library reading those rules
 * must agree with.
 */
import type * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { tidyText } from "../../src/ingest/html.js";

const BODY_SELECTORS = ["#zoom", ".TRS_Editor", ".article-content", ".article", "article", "#content", ".content", "main", "body"];
const BLOCK = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "table", "ul", "ol", "blockquote", "pre", "title", "header", "footer"]);

/** Elements a reader never sees: `hidden`, `display:none` (share widgets, print-only copies). */
function hidden(el: Element): boolean {
  const a = el.attribs ?? {};
  return a.hidden !== undefined || a["aria-hidden"] === "true" || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? "");
}

/** Text with every kind of whitespace removed, for containment checks. */
const squash = (s: string) => s.replace(/\s+/g, "");

/**
 * The text under some nodes, gathered with an explicit stack (cheerio's .text()
 * recurses once per level and overflows on a page nested 10 000 deep).
 */
function textOf(nodes: readonly AnyNode[]): string {
  const out: string[] = [];
  const stack = nodes.slice().reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "text") out.push((n as unknown as { data: string }).data);
    else if ("children" in n) for (let i = (n as Element).children.length - 1; i >= 0; i--) stack.push((n as Element).children[i]!);
  }
  return out.join("");
}

/**
 * The article's title as the page states it outside the body: the ArticleTitle
 * meta tag most CMSs of government sites write, else the first <h1>, else the
 * part of <title> before the site name ("标题_栏目_网站").
 */
function pageTitle($: cheerio.CheerioAPI): string | null {
  const cands = [
    $('meta[name="ArticleTitle"]').attr("content"),
    textOf($("h1").first().toArray()),
    $("title").first().text().split(/[_|]| - /)[0],
  ];
  for (const c of cands) {
    const t = (c ?? "").replace(/\s+/g, " ").trim();
    if (t.length >= 4) return t;
  }
  return null;
}

/** cheerio (with parse5 and undici) takes ~0.8 s to import: load it only when a page is read. */
let cheerioModule: Promise<typeof cheerio> | null = null;
const loadCheerio = () => (cheerioModule ??= import("cheerio"));

export async function oracleText(html: string): Promise<string> {
  const $ = (await loadCheerio()).load(html);
  $("script,style,noscript,template,iframe").remove();
  const bodyText = squash(textOf($("body").toArray()));
  if (!bodyText) return ""; // a page with a <title> and nothing to read is no document
  let root: cheerio.Cheerio<Element> = $("body");
  let specific = false;
  for (const sel of BODY_SELECTORS) {
    if (sel === "body") break;
    const c = $(sel).first();
    const n = c.length ? squash(textOf(c.toArray())).length : 0;
    // prefer a specific container only when it holds most of the page's text
    if (n > 0 && n >= 0.3 * bodyText.length) { root = c as cheerio.Cheerio<Element>; specific = true; break; }
  }
  const parts: string[] = [];
  // many article bodies leave the title to a heading above them: keep it as the first line
  if (specific) {
    const title = pageTitle($);
    if (title && !squash(textOf(root.toArray())).slice(0, 300).includes(squash(title))) parts.push(title, "\n");
  }
  // inside a table cell, paragraphs and <br> are spaces: a row stays on one line;
  // inside <pre>, the text's own line breaks are the lines.
  // The tree is walked with an explicit stack: a page nested 10 000 levels deep
  // (or never closed) must give its text, not overflow the call stack.
  let inCell = 0, inPre = 0;
  const stack: Array<{ node: AnyNode; exit: boolean; block?: boolean }> = [];
  for (const n of root.toArray().reverse()) stack.push({ node: n, exit: false });
  while (stack.length) {
    const { node, exit, block: wasBlock } = stack.pop()!;
    if (node.type === "text") {
      const data = (node as unknown as { data: string }).data;
      // a tab inside <pre> is a column stop (LibreOffice writes a text file's table rows so): keep it
      parts.push(inPre && !inCell ? data.replace(/\r\n?/g, "\n").replace(/ +/g, " ") : data.replace(/[\r\n\t ]+/g, " "));
      continue;
    }
    if (node.type !== "tag") continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    const cell = name === "td" || name === "th";
    if (exit) {
      if (name === "pre") inPre--;
      if (cell) { inCell--; parts.push(inCell ? " " : "\t"); }
      if (wasBlock) parts.push("\n");
      else if (inCell && BLOCK.has(name)) parts.push(" ");
      continue;
    }
    if (name === "br") { parts.push(inCell ? " " : "\n"); continue; }
    if (name === "nav" || hidden(el)) continue;
    const block = BLOCK.has(name) && !inCell;
    // table rows and list items follow each other line by line; other blocks
    // are paragraphs, set off by a blank line as in the text seeds
    const row = name === "tr" || name === "li";
    if (block && !row) parts.push("\n");
    if (cell) inCell++;
    if (name === "pre") inPre++;
    stack.push({ node, exit: true, block });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i]!, exit: false });
  }
  // the tidying of the text is shared: what is compared is which text the tree gives, in what order
  return tidyText(parts.join(""));
}

