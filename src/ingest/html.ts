import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { decodeBytes, looksBinary } from "./decode.js";
import { InputError } from "./errors.js";
import { sourceFromLines, type Source } from "./source.js";

/**
 * HTML → text lines: scripts and styles dropped, block elements and <br>
 * become line breaks, table rows become tab-separated cells. When the page has
 * navigation around the article, the article body is taken. `source_line` for
 * HTML is the line of this extracted text.
 */
const BODY_SELECTORS = ["#zoom", ".TRS_Editor", ".article-content", ".article", "article", "#content", ".content", "main", "body"];
const BLOCK = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "table", "ul", "ol", "blockquote", "pre", "title", "header", "footer"]);

function charsetOf(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{2,20})/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decodeHtml(bytes: Uint8Array): string {
  const cs = charsetOf(bytes);
  // gb2312/gbk pages are decoded as gb18030, the superset that keeps 4-byte characters
  if (cs && /^(gb2312|gbk|gb18030|x-gbk)$/.test(cs)) return new TextDecoder("gb18030").decode(bytes);
  return decodeBytes(bytes).text;
}

export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $("script,style,noscript,template,iframe").remove();
  let root: cheerio.Cheerio<Element> | null = null;
  for (const sel of BODY_SELECTORS) {
    const c = $(sel).first();
    if (c.length && c.text().trim().length > 0) {
      // prefer a specific container only when it holds most of the page's text
      if (sel !== "body" && c.text().trim().length < 0.3 * $("body").text().trim().length) continue;
      root = c as cheerio.Cheerio<Element>;
      break;
    }
  }
  const parts: string[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === "text") { parts.push((node as unknown as { data: string }).data.replace(/[\r\n\t ]+/g, " ")); return; }
    if (node.type !== "tag") return;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (name === "br") { parts.push("\n"); return; }
    if (name === "nav") return;
    const block = BLOCK.has(name);
    if (block) parts.push("\n");
    for (const c of el.children) walk(c);
    if (name === "td" || name === "th") parts.push("\t");
    if (block) parts.push("\n");
  };
  const nodes: AnyNode[] = root ? root.toArray() : $.root().toArray();
  for (const n of nodes) walk(n);
  return parts.join("")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((l) => l.replace(/ +/g, " ").replace(/^ +| +$/g, "").replace(/\t+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function ingestHtml(file: string, bytes: Uint8Array): Source {
  const html = decodeHtml(bytes);
  if (looksBinary(html)) throw new InputError(file, "binary content, not an HTML document");
  const text = htmlToText(html);
  if (!text.trim()) throw new InputError(file, "HTML page has no text");
  return sourceFromLines(file, "html", text);
}
