import { Tokenizer } from "htmlparser2";
import { decodeBytes, looksBinary } from "./decode.js";
import { InputError } from "./errors.js";
import { sourceFromLines, type Source } from "./source.js";

/**
 * HTML → text lines: scripts and styles dropped, block elements and <br>
 * become line breaks, table rows become tab-separated cells. When the page has
 * navigation around the article, the article body is taken. `source_line` for
 * HTML is the line of this extracted text.
 *
 * No DOM is built: the page is tokenized twice by htmlparser2's Tokenizer and
 * a stack of open elements is kept, as the HTML parsing algorithm (and parse5,
 * which earlier versions used through cheerio) keeps it — implied end tags,
 * scopes, tables with their implied rows and foster-parented text, raw-text
 * elements — so the text and its lines are the ones a browser shows. Pass 1
 * measures the body and the candidate containers and finds the page title;
 * pass 2 emits the chosen container's text. Memory is the input and the
 * output text; time is linear, whatever the nesting (htmlparser2's own Parser
 * unshifts its element stack: quadratic on a page nested 10⁵ deep).
 */
const BODY_SELECTORS = ["#zoom", ".TRS_Editor", ".article-content", ".article", "article", "#content", ".content", "main", "body"];
const BLOCK = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "table", "ul", "ol", "blockquote", "pre", "title", "header", "footer"]);

function charsetOf(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{2,20})/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * A BOM decides; then bytes that are valid UTF-8 are UTF-8 whatever the meta
 * tag says (sites re-encode pages and leave `charset=gb2312` behind; GBK text
 * is practically never valid UTF-8); else the declared charset, with
 * gb2312/gbk read as gb18030, the superset that keeps 4-byte characters; else
 * GB18030.
 */
function decodeHtml(bytes: Uint8Array): string {
  const plain = decodeBytes(bytes);
  if (plain.encoding !== "gb18030") return plain.text;
  const cs = charsetOf(bytes);
  if (!cs || /^(gb2312|gbk|gb18030|x-gbk|cp936|utf-?8)$/.test(cs)) return plain.text;
  try {
    return new TextDecoder(cs).decode(bytes); // big5, shift_jis …
  } catch {
    return plain.text; // a label TextDecoder does not know
  }
}

type Attrs = Record<string, string>;

/** Elements a reader never sees: `hidden`, `display:none` (share widgets, print-only copies). */
function hidden(a: Attrs): boolean {
  return a.hidden !== undefined || a["aria-hidden"] === "true" || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? "");
}

/** Text with every kind of whitespace removed, for containment checks. */
const squash = (s: string) => s.replace(/\s+/g, "");

/** Does the element match a BODY_SELECTORS entry (`#id`, `.class` or a tag name)? */
function matches(sel: string, name: string, a: Attrs): boolean {
  if (sel[0] === "#") return a.id === sel.slice(1);
  if (sel[0] === ".") return a.class !== undefined && a.class.split(/[ \t\n\f\r]+/).includes(sel.slice(1));
  return name === sel;
}

// ---------------------------------------------------------------------------
// Tree construction: the parts of the HTML parsing algorithm that decide which
// element a piece of text belongs to.

const set = (s: string) => new Set(s.split(" "));
/** "Special" elements: an end tag of another name does not close past them. */
const SPECIAL = set("address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dialog dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp");
const SCOPE = set("applet caption html table td th marquee object template");
const HEADINGS = set("h1 h2 h3 h4 h5 h6");
const VOID = set("area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr");
const CLOSES_P = set("address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul pre listing form plaintext xmp hr");
const BLOCK_END = set("address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul applet marquee object");
const HEAD_ONLY = set("base basefont bgsound link meta noframes script style template title noscript");
const TABLE_CTX = set("table tbody thead tfoot tr td th caption colgroup");
const TABLE_SECTION = set("tbody thead tfoot");
const FOSTER_TARGET = set("table tbody thead tfoot tr");
const TABLE_INNER_START = set("caption col colgroup tbody td tfoot th thead tr");
const TABLE_IGNORED_END = set("body caption col colgroup html tbody td tfoot th thead tr");
const BREAKOUT = set("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var");
const INTEGRATION = set("foreignobject desc title mi mo mn ms mtext");
/** Content dropped whole, as the old `$("script,style,noscript,template,iframe").remove()` did. */
const DROPPED = set("script style noscript template iframe");

const QUIRKY_IDS = ["-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd html 4.0 frameset//", "-//w3c//dtd html 3", "-//ietf//dtd html", "-//w3o//dtd w3 html", "-//netscape comm. corp.//", "-//microsoft//dtd internet explorer", "-//webtechs//dtd mozilla html", "-//softquad", "-//sq//", "-//spyglass//", "-//sun microsystems corp.//", "-//metrius//", "-//o'reilly and associates//", "-//as//", "-//advasoft ltd//", "+//silmaril//", "-//w3c//dtd w3 html//", "-//w3c//dtd html experimental"];

/** Quirks mode from the doctype (parse5's rules, abridged): only `<p>` before `<table>` depends on it. */
function quirksOf(decl: string | null): boolean {
  if (decl === null) return true;
  const m = /^!?doctype\s+([^\s>]+)(?:\s+public\s+("[^"]*"|'[^']*'))?(?:\s+("[^"]*"|'[^']*'))?/i.exec(decl.trim());
  if (!m || m[1]!.toLowerCase() !== "html") return true;
  const pub = m[2] ? m[2].slice(1, -1).toLowerCase() : null;
  const sys = m[3] ? m[3].slice(1, -1) : null;
  if (pub === null) return false;
  if (pub === "html" || pub === "-/w3c/dtd html 4.0 transitional/en" || pub === "-//w3o//dtd w3 html strict 3.0//en//") return true;
  if (QUIRKY_IDS.some((p) => pub.startsWith(p))) return true;
  return sys === null && (pub.startsWith("-//w3c//dtd html 4.01 transitional//") || pub.startsWith("-//w3c//dtd html 4.01 frameset//"));
}

interface Frame {
  name: string;
  /** Order of creation, the same in both passes. */
  ord: number;
  attrs: Attrs;
  /** The element the DOM would hang this one under (not the one below it on the stack, when foster-parented). */
  parent: Frame;
  /** The table this element or text was foster-parented before, if any. */
  foster: Frame | null;
  foreign: boolean;
  /** The nearest table at or above this element in the DOM. */
  tbl: Frame | null;
  /** The nearest table this element, or an ancestor, was foster-parented before: the element precedes all of that table in document order. */
  before: Frame | null;
  /** Taken off the stack of open elements (a `</form>`) while elements inside it stay open. */
  gone?: boolean;
  /** What the pass keeps about the element. */
  s: any;
}

interface Sink {
  open(f: Frame): void;
  close(f: Frame): void;
  text(t: string, parent: Frame, foster: Frame | null): void;
}

const last = (a: number[]) => (a.length ? a[a.length - 1]! : -1);

/**
 * The stack of open elements with, for each name and for each kind of scope
 * boundary, the stack positions of its elements: every "is X in scope" of the
 * algorithm is then one comparison, not a walk down the stack.
 */
class Builder {
  readonly stack: Frame[] = [];
  private readonly pos = new Map<string, number[]>();
  private readonly scope: number[] = [];
  private readonly button: number[] = [];
  private readonly list: number[] = [];
  private readonly tableScope: number[] = [];
  private readonly special: number[] = [];
  /** Special elements other than address, div and p (where a new <li> stops looking for an open one). */
  private readonly specialLi: number[] = [];
  private readonly headings: number[] = [];
  private readonly tableCtx: number[] = [];
  private readonly html: number[] = [];
  private ord = 0;
  inBody = false;
  private headDone = false;
  private quirks = true;
  private doctypeSeen = false;
  /** Inside script/style/noscript/iframe/noembed/noframes: tokens are ignored up to this end tag. */
  private rawUntil: string | null = null;
  private rawStart = 0;
  private templates = 0;
  private skipLF = false;
  private fostering = false;
  private form: Frame | null = null;
  private pendingTable: string[] = [];
  private pendingNonWs = false;
  readonly root: Frame;

  constructor(private readonly src: string, private readonly sink: Sink) {
    this.root = { name: "#document", ord: -1, attrs: {}, parent: null as unknown as Frame, foster: null, foreign: false, tbl: null, before: null, s: null };
    this.root.parent = this.root;
  }

  get top(): Frame { return this.stack.length ? this.stack[this.stack.length - 1]! : this.root; }

  private has(name: string): number { const p = this.pos.get(name); return p ? last(p) : -1; }
  private inScope(name: string, extra?: number[]): boolean {
    const h = this.has(name);
    return h >= 0 && h >= Math.max(last(this.scope), extra ? last(extra) : -1);
  }
  private inTableScope(name: string): boolean { const h = this.has(name); return h >= 0 && h >= last(this.tableScope); }

  private push(name: string, attrs: Attrs, foreign = false): Frame {
    let parent = this.top, foster: Frame | null = null;
    if (this.fostering && FOSTER_TARGET.has(parent.name) && !parent.foreign) {
      const t = this.has("table");
      foster = this.stack[t]!;
      parent = foster.parent;
    }
    const f: Frame = { name, ord: this.ord++, attrs, parent, foster, foreign, tbl: null, before: foster ?? parent.before, s: null };
    f.tbl = name === "table" && !foreign ? f : parent.tbl;
    const i = this.stack.length;
    this.stack.push(f);
    let p = this.pos.get(name);
    if (!p) this.pos.set(name, (p = []));
    p.push(i);
    if (foreign) {
      if (INTEGRATION.has(name)) this.html.push(i), this.scope.push(i);
    } else {
      this.html.push(i);
      if (SCOPE.has(name)) this.scope.push(i);
      if (name === "button") this.button.push(i);
      if (name === "ol" || name === "ul") this.list.push(i);
      if (name === "table" || name === "template") this.tableScope.push(i);
      if (SPECIAL.has(name)) { this.special.push(i); if (name !== "address" && name !== "div" && name !== "p") this.specialLi.push(i); }
      if (HEADINGS.has(name)) this.headings.push(i);
      if (TABLE_CTX.has(name)) this.tableCtx.push(i);
    }
    this.sink.open(f);
    return f;
  }

  private pop(): void {
    const f = this.stack.pop()!;
    const i = this.stack.length;
    if (!f.gone) {
      this.pos.get(f.name)!.pop();
      for (const a of [this.html, this.scope, this.button, this.list, this.tableScope, this.special, this.specialLi, this.headings, this.tableCtx]) if (last(a) === i) a.pop();
    }
    this.sink.close(f);
    if (this.top.gone) this.pop();
  }

  /** `</form>`: the form leaves the stack; what is open inside it stays open (and inside it). */
  private removeForm(f: Frame): void {
    const i = this.stack.lastIndexOf(f, this.stack.length - 1);
    if (i < 0) return;
    if (i === this.stack.length - 1) { this.pop(); return; }
    f.gone = true;
    for (const a of [this.pos.get("form")!, this.html, this.special, this.specialLi]) { const j = a.lastIndexOf(i); if (j >= 0) a.splice(j, 1); }
  }

  /** Pop down to (and including) stack position i. */
  private popTo(i: number): void { while (this.stack.length > i) this.pop(); }
  private popUntil(name: string): void { const h = this.has(name); if (h >= 0) this.popTo(h); }
  private clearTo(names: Set<string>): void { while (this.stack.length > 1 && !names.has(this.top.name)) this.pop(); }

  private void(name: string, attrs: Attrs): void { this.push(name, attrs); this.pop(); }
  private closeP(): void { if (this.inScope("p", this.button)) this.popUntil("p"); }

  private mode(): string {
    if (this.has("select") >= 0) return "select";
    const t = last(this.tableCtx);
    if (t < 0) return "body";
    const n = this.stack[t]!.name;
    return n === "td" || n === "th" ? "cell" : n === "tr" ? "row" : TABLE_SECTION.has(n) ? "section" : n;
  }

  private startBody(attrs: Attrs): void {
    this.inBody = true;
    this.push("body", attrs);
  }

  // --- tokens ---------------------------------------------------------------

  text(t: string): void {
    if (this.rawUntil !== null || this.templates) return;
    if (this.skipLF) { this.skipLF = false; if (t[0] === "\n") t = t.slice(1); if (!t) return; }
    if (t.includes("\0")) {
      // U+0000: dropped from the text of the body, U+FFFD in raw text and in SVG/MathML
      const top = this.top;
      const keep = top !== this.root && (top.foreign || top.name === "textarea" || top.name === "title");
      t = keep ? t.replace(/\0/g, "\uFFFD") : t.replace(/\0/g, "");
      if (!t) { if (!this.inBody && !keep) { this.popHead(); this.startBody({}); } return; }
    }
    if (!this.inBody) {
      const m = /^[\t\n\f\r ]*/.exec(t)![0].length;
      if (m === t.length) { this.headText(t); return; }
      if (this.top !== this.root && this.top.name === "title") { this.headText(t); return; }
      t = t.slice(m);
      this.popHead();
      this.startBody({});
    }
    const top = this.top;
    if (!top.foreign && FOSTER_TARGET.has(top.name) && TABLE_CTX.has(top.name)) {
      this.pendingTable.push(t);
      if (!this.pendingNonWs && /[^\t\n\f\r ]/.test(t)) this.pendingNonWs = true;
      return;
    }
    if (top.name === "colgroup" && !top.foreign && /[^\t\n\f\r ]/.test(t)) {
      this.pop();
      this.text(t);
      return;
    }
    if (top.name === "textarea" && !top.foreign && t.includes("&")) t = decodeRcdata(t);
    this.sink.text(t, top, null);
  }

  private headText(t: string): void {
    const top = this.top;
    if (top !== this.root && top.name === "title") this.sink.text(t, top, null);
  }

  /** Text collected in a table: foster-parented before the table when any of it is not whitespace. */
  flush(): void {
    if (!this.pendingTable.length) return;
    const parts = this.pendingTable;
    this.pendingTable = [];
    const top = this.top;
    if (this.pendingNonWs) {
      this.pendingNonWs = false;
      const table = this.stack[this.has("table")]!;
      for (const t of parts) this.sink.text(t, table.parent, table);
    } else for (const t of parts) this.sink.text(t, top, null);
  }

  doctype(decl: string): void {
    if (!this.doctypeSeen && !this.inBody && this.stack.length === 0) { this.doctypeSeen = true; this.quirks = quirksOf(decl); }
  }

  start(name: string, attrs: Attrs, selfClosing: boolean, end: number): void {
    this.flush();
    this.skipLF = false;
    this.doctypeSeen = true;
    if (this.rawUntil !== null) return;
    if (this.templates) { if (name === "template") this.templates++; return; }
    if (!this.inBody) {
      if (name === "html" || name === "head") return;
      if (HEAD_ONLY.has(name) && !(name === "noscript" && this.headDone)) { this.headElement(name, attrs, end); return; }
      if (name === "frameset") { this.rawUntil = "\u0000"; return; } // no body: no text
      this.popHead();
      this.startBody(name === "body" ? attrs : {});
      if (name === "body") return;
    }
    this.startInBody(name, attrs, selfClosing, end);
  }

  private popHead(): void { while (this.stack.length) this.pop(); }

  /** An element of the head, in the head or in the body: title kept, the rest dropped or void. */
  private headElement(name: string, attrs: Attrs, end: number): boolean {
    if (VOID.has(name)) { this.void(name, attrs); return true; }
    if (name === "title") { this.push(name, attrs); return true; }
    if (name === "template") { this.templates = 1; return true; }
    if (name === "script" || name === "style" || name === "noscript" || name === "noframes") { this.raw(name, attrs, end); return true; }
    return false;
  }

  private raw(name: string, attrs: Attrs, end: number): void {
    this.rawUntil = name;
    this.rawStart = end + 1;
    if (!DROPPED.has(name) && this.inBody) this.push(name, attrs);
  }

  private startInBody(name: string, attrs: Attrs, selfClosing: boolean, end: number): void {
    const top = this.top;
    if (top.foreign && !INTEGRATION.has(top.name)) {
      if (BREAKOUT.has(name) || (name === "font" && ("color" in attrs || "face" in attrs || "size" in attrs))) {
        while (this.top.foreign && !INTEGRATION.has(this.top.name)) this.pop();
      } else {
        this.push(name, attrs, true);
        if (selfClosing) this.pop();
        return;
      }
    }
    switch (this.mode()) {
      case "select":
        return this.inSelectStart(name, attrs, selfClosing, end);
      case "cell":
        if (TABLE_INNER_START.has(name)) {
          if (this.inTableScope("td") || this.inTableScope("th")) { this.closeCell(); this.startInBody(name, attrs, selfClosing, end); }
          return;
        }
        return this.inBodyStart(name, attrs, selfClosing, end);
      case "row":
        if (name === "td" || name === "th") { this.clearTo(TR_CTX); this.push(name, attrs); return; }
        if (TABLE_INNER_START.has(name)) {
          if (this.inTableScope("tr")) { this.clearTo(TR_CTX); this.pop(); this.startInBody(name, attrs, selfClosing, end); }
          return;
        }
        return this.inTableStart(name, attrs, selfClosing, end);
      case "section":
        if (name === "tr") { this.clearTo(TABLE_SECTION_CTX); this.push(name, attrs); return; }
        if (name === "td" || name === "th") { this.clearTo(TABLE_SECTION_CTX); this.push("tr", {}); this.startInBody(name, attrs, selfClosing, end); return; }
        if (TABLE_INNER_START.has(name)) {
          if (this.inTableScope("tbody") || this.inTableScope("thead") || this.inTableScope("tfoot")) { this.clearTo(TABLE_SECTION_CTX); this.pop(); this.startInBody(name, attrs, selfClosing, end); }
          return;
        }
        return this.inTableStart(name, attrs, selfClosing, end);
      case "table":
        return this.inTableStart(name, attrs, selfClosing, end);
      case "caption":
        if (TABLE_INNER_START.has(name) || name === "table") {
          if (this.inTableScope("caption")) { this.popUntil("caption"); this.startInBody(name, attrs, selfClosing, end); }
          return;
        }
        return this.inBodyStart(name, attrs, selfClosing, end);
      case "colgroup":
        if (name === "col") { this.void(name, attrs); return; }
        this.pop();
        this.startInBody(name, attrs, selfClosing, end);
        return;
      default:
        return this.inBodyStart(name, attrs, selfClosing, end);
    }
  }

  /** In a <select> only options are elements; most other tags are ignored, a few close the select. */
  private inSelectStart(name: string, attrs: Attrs, selfClosing: boolean, end: number): void {
    if (name === "option" || name === "optgroup" || name === "hr") {
      if (this.top.name === "option") this.pop();
      if (name !== "option" && this.top.name === "optgroup") this.pop();
      if (name === "hr") this.void(name, attrs); else this.push(name, attrs);
      return;
    }
    if (name === "select") { this.popUntil("select"); return; }
    if (name === "input" || name === "keygen" || name === "textarea" || (this.tableCtx.length && (name === "table" || TABLE_INNER_START.has(name)))) {
      this.popUntil("select");
      this.startInBody(name, attrs, selfClosing, end);
      return;
    }
    if (name === "script" || name === "template") this.headElement(name, attrs, end);
  }

  private closeCell(): void {
    const h = Math.max(this.has("td"), this.has("th"));
    this.popTo(h);
  }

  private inTableStart(name: string, attrs: Attrs, selfClosing: boolean, end: number): void {
    switch (name) {
      case "caption": case "colgroup": case "tbody": case "tfoot": case "thead":
        this.clearTo(TABLE_CTX_ONLY); this.push(name, attrs); return;
      case "col":
        this.clearTo(TABLE_CTX_ONLY); this.push("colgroup", {}); this.startInBody(name, attrs, selfClosing, end); return;
      case "td": case "th": case "tr":
        this.clearTo(TABLE_CTX_ONLY); this.push("tbody", {}); this.startInBody(name, attrs, selfClosing, end); return;
      case "table":
        if (this.inTableScope("table")) { this.popUntil("table"); this.startInBody(name, attrs, selfClosing, end); }
        return;
      case "style": case "script": case "template":
        this.headElement(name, attrs, end); return;
      case "input":
        if ((attrs.type ?? "").toLowerCase() === "hidden") { this.void(name, attrs); return; }
        break;
      case "form":
        if (!this.form) { this.form = this.push(name, attrs); this.pop(); }
        return;
    }
    this.fostering = true;
    this.inBodyStart(name, attrs, selfClosing, end);
    this.fostering = false;
  }

  private inBodyStart(name: string, attrs: Attrs, selfClosing: boolean, end: number): void {
    if (name === "html" || name === "body" || name === "head" || name === "frameset" || name === "frame") return;
    if (TABLE_INNER_START.has(name)) return; // outside a table
    if (HEAD_ONLY.has(name) || name === "iframe" || name === "noembed") {
      if (name === "iframe" || name === "noembed") { this.raw(name, attrs, end); return; }
      this.headElement(name, attrs, end);
      return;
    }
    if (name === "form") {
      if (this.form) return;
      this.closeP();
      this.form = this.push(name, attrs);
      return;
    }
    if (name === "math" || name === "svg") { this.push(name, attrs, true); if (selfClosing) this.pop(); return; }
    if (name === "li") {
      const h = this.has("li");
      if (h >= 0 && h === last(this.specialLi)) this.popTo(h);
    } else if (name === "dd" || name === "dt") {
      const s = last(this.specialLi);
      if (s >= 0 && (this.stack[s]!.name === "dd" || this.stack[s]!.name === "dt")) this.popTo(s);
    } else if (name === "option" || name === "optgroup") {
      if (this.top.name === "option") this.pop();
    } else if (name === "button") {
      if (this.inScope("button")) this.popUntil("button");
    }
    if (CLOSES_P.has(name) || name === "li" || name === "dd" || name === "dt" || HEADINGS.has(name) || (name === "table" && !this.quirks)) this.closeP();
    if (HEADINGS.has(name) && HEADINGS.has(this.top.name)) this.pop();
    if (VOID.has(name)) { this.void(name === "image" ? "img" : name, attrs); return; }
    this.push(name, attrs);
    if (name === "pre" || name === "listing" || name === "textarea") this.skipLF = true;
  }

  endTag(name: string, start: number): void {
    this.flush();
    this.skipLF = false;
    if (this.rawUntil !== null) {
      if (name === this.rawUntil) {
        this.rawUntil = null;
        if (!DROPPED.has(name) && this.inBody && this.top.name === name) {
          const raw = this.src.slice(this.rawStart, start - 2);
          if (raw) this.sink.text(raw, this.top, null);
          this.pop();
        }
      }
      return;
    }
    if (this.templates) { if (name === "template") this.templates--; return; }
    if (!this.inBody) {
      if (name === "title" && this.top.name === "title") this.pop();
      else if (name === "head") this.headDone = true;
      else if (name === "body" || name === "html" || name === "br") {
        this.popHead();
        this.startBody({});
        if (name === "br") this.endInBody(name);
      }
      return;
    }
    const top = this.top;
    if (top.foreign && (name === "p" || name === "br")) while (this.top.foreign && !INTEGRATION.has(this.top.name)) this.pop();
    else if (top.foreign) {
      const h = this.has(name);
      if (h >= 0 && h > last(this.html)) { this.popTo(h); return; }
    }
    this.endByMode(name);
  }

  private endByMode(name: string): void {
    switch (this.mode()) {
      case "select":
        if (name === "option") { if (this.top.name === "option") this.pop(); return; }
        if (name === "optgroup") {
          if (this.top.name === "option" && this.stack[this.stack.length - 2]?.name === "optgroup") this.pop();
          if (this.top.name === "optgroup") this.pop();
          return;
        }
        if (name === "select") { this.popUntil("select"); return; }
        if (this.tableCtx.length && (name === "table" || TABLE_INNER_START.has(name)) && this.inTableScope(name)) { this.popUntil("select"); this.endByMode(name); }
        return;
      case "cell":
        if (name === "td" || name === "th") { if (this.inTableScope(name)) this.popUntil(name); return; }
        if (name === "body" || name === "caption" || name === "col" || name === "colgroup" || name === "html") return;
        if (name === "table" || name === "tr" || TABLE_SECTION.has(name)) {
          if (this.inTableScope(name)) { this.closeCell(); this.endByMode(name); }
          return;
        }
        return this.endInBody(name);
      case "row":
        if (name === "tr") { if (this.inTableScope("tr")) { this.clearTo(TR_CTX); this.pop(); } return; }
        if (name === "table" || TABLE_SECTION.has(name)) {
          if (this.inTableScope(name) && this.inTableScope("tr")) { this.clearTo(TR_CTX); this.pop(); this.endByMode(name); }
          return;
        }
        if (TABLE_IGNORED_END.has(name)) return;
        return this.endInTable(name);
      case "section":
        if (TABLE_SECTION.has(name)) { if (this.inTableScope(name)) { this.clearTo(TABLE_SECTION_CTX); this.pop(); } return; }
        if (name === "table") {
          if (this.inTableScope("tbody") || this.inTableScope("thead") || this.inTableScope("tfoot")) { this.clearTo(TABLE_SECTION_CTX); this.pop(); this.endByMode(name); }
          return;
        }
        if (TABLE_IGNORED_END.has(name)) return;
        return this.endInTable(name);
      case "table":
        return this.endInTable(name);
      case "caption":
        if (name === "caption") { if (this.inTableScope("caption")) this.popUntil("caption"); return; }
        if (name === "table") { if (this.inTableScope("caption")) { this.popUntil("caption"); this.endByMode(name); } return; }
        if (TABLE_IGNORED_END.has(name)) return;
        return this.endInBody(name);
      case "colgroup":
        if (name === "colgroup") { if (this.top.name === "colgroup") this.pop(); return; }
        if (name === "col") return;
        if (this.top.name === "colgroup") this.pop();
        return this.endByMode(name);
      default:
        return this.endInBody(name);
    }
  }

  private endInTable(name: string): void {
    if (name === "table") { if (this.inTableScope("table")) this.popUntil("table"); return; }
    if (TABLE_IGNORED_END.has(name)) return;
    this.fostering = true;
    this.endInBody(name);
    this.fostering = false;
  }

  private endInBody(name: string): void {
    if (name === "body" || name === "html") return;
    if (name === "p") {
      if (!this.inScope("p", this.button)) this.push("p", {});
      this.popUntil("p");
      return;
    }
    if (name === "br") { this.void("br", {}); return; }
    if (name === "form") {
      const f = this.form;
      this.form = null;
      if (f && this.inScope("form")) this.removeForm(f);
      return;
    }
    if (name === "li") { if (this.inScope("li", this.list)) this.popUntil("li"); return; }
    if (name === "dd" || name === "dt") { if (this.inScope(name)) this.popUntil(name); return; }
    if (HEADINGS.has(name)) {
      const h = last(this.headings);
      if (h >= 0 && h > last(this.scope)) this.popTo(h);
      return;
    }
    if (BLOCK_END.has(name)) { if (this.inScope(name)) this.popUntil(name); return; }
    // any other end tag (and, roughly, the adoption agency's simple case):
    // closes the nearest element of that name unless a special element is nearer
    const h = this.has(name);
    if (h >= 0 && h >= last(this.special)) this.popTo(h);
  }

  end(): void {
    this.flush();
    if (!this.inBody && this.rawUntil === null) { this.popHead(); }
    if (this.rawUntil !== null && !DROPPED.has(this.rawUntil) && this.inBody && this.top.name === this.rawUntil) {
      const raw = this.src.slice(this.rawStart);
      if (raw) this.sink.text(raw, this.top, null);
    }
    this.rawUntil = null;
    this.popTo(0);
  }
}

const TABLE_SECTION_CTX = set("tbody thead tfoot template");
const TR_CTX = set("tr template");
const TABLE_CTX_ONLY = set("table template");

/**
 * Character references in a <textarea>'s text (the tokenizer leaves its raw
 * text as is; the HTML algorithm reads it as RCDATA): decoded by the tokenizer
 * itself, piece by piece between the `<`s, which no reference contains.
 */
function decodeRcdata(raw: string): string {
  return raw.split("<").map((piece) => {
    const out: string[] = [];
    const tok = new Tokenizer({ decodeEntities: true }, {
      ontext: (s, e) => out.push(piece.slice(s, e)),
      ontextentity: (cp) => out.push(String.fromCodePoint(cp)),
      onattribdata() {}, onattribentity() {}, onattribend() {}, onattribname() {}, oncdata() {}, onclosetag() {}, oncomment() {},
      ondeclaration() {}, onend() {}, onopentagend() {}, onopentagname() {}, onprocessinginstruction() {}, onselfclosingtag() {},
    });
    tok.write(piece);
    tok.end();
    return out.join("");
  }).join("<");
}

/** Run the tokenizer over the page, feeding the tree builder. */
function parse(html: string, sink: Sink): Builder {
  const b = new Builder(html, sink);
  let name = "", attrs: Attrs = {}, aname = "", avalue = "";
  const tok = new Tokenizer({ decodeEntities: true }, {
    ontext: (s, e) => b.text(html.slice(s, e)),
    ontextentity: (cp) => b.text(String.fromCodePoint(cp)),
    onopentagname: (s, e) => { b.flush(); name = html.slice(s, e).toLowerCase(); attrs = {}; },
    onattribname: (s, e) => { aname = html.slice(s, e).toLowerCase(); avalue = ""; },
    onattribdata: (s, e) => { avalue += html.slice(s, e); },
    onattribentity: (cp) => { avalue += String.fromCodePoint(cp); },
    onattribend: () => { if (!Object.prototype.hasOwnProperty.call(attrs, aname)) attrs[aname] = avalue; avalue = ""; },
    onopentagend: (e) => b.start(name, attrs, false, e),
    onselfclosingtag: (e) => b.start(name, attrs, true, e),
    onclosetag: (s, e) => b.endTag(html.slice(s, e).toLowerCase(), s),
    oncomment: () => b.flush(),
    oncdata: () => b.flush(),
    ondeclaration: (s, e) => b.doctype(html.slice(s, e)),
    onprocessinginstruction: () => b.flush(),
    onend: () => b.end(),
  });
  tok.write(html);
  tok.end();
  return b;
}

// ---------------------------------------------------------------------------
// Pass 1: squashed text lengths of the body and of the first element matching
// each selector, the first 300 squashed characters of each, the title candidates.

const N_SEL = BODY_SELECTORS.length - 1; // "body" is the fallback, not a candidate
const H1 = N_SEL, TITLE = N_SEL + 1, KEYS = N_SEL + 2;

/** Is `t` (a table) at or above `c` in the DOM? */
function within(c: Frame, t: Frame): boolean {
  for (let x = c.tbl, n = 0; x && n < 10_000; x = x.parent.tbl, n++) if (x === t) return true;
  return false;
}

/**
 * Does `f`, created after `c`, come before it in document order? Only when `f`
 * was foster-parented (or is inside an element that was) before a table that
 * holds `c`.
 */
function precedes(f: Frame, c: Frame): boolean {
  for (let t = f.before, n = 0; t && n < 10_000; t = t.before, n++) if (within(c, t)) return true;
  return false;
}

/** For each key (selector, first h1, first title): the ords of the holders at or above an element. */
interface MeasureState { c: number[]; body: boolean }
const OUTSIDE: MeasureState = { c: new Array(KEYS).fill(-1), body: false };

class Measure implements Sink {
  bodyOrd = -1;
  bodyLen = 0;
  /** The first element (in document order) matching each key. */
  readonly holder: Array<Frame | null> = new Array(KEYS).fill(null);
  readonly len: number[] = new Array(N_SEL).fill(0);
  readonly prefix: string[] = new Array(N_SEL).fill("");
  private meta: Frame | null = null;
  private h1Parts: string[] = [];
  private titleParts: string[] = [];

  private take(k: number, f: Frame): boolean {
    const h = this.holder[k];
    if (h && !(f.before && precedes(f, h))) return false;
    this.holder[k] = f;
    if (k < N_SEL) { this.len[k] = 0; this.prefix[k] = ""; }
    else if (k === H1) this.h1Parts = [];
    else this.titleParts = [];
    return true;
  }

  open(f: Frame): void {
    const p: MeasureState = f.parent.s ?? OUTSIDE;
    let c = p.c, body = p.body;
    if (f.name === "body" && this.bodyOrd < 0 && f.parent.ord === -1) { this.bodyOrd = f.ord; body = true; }
    for (let k = 0; k < KEYS; k++) {
      const hit = k < N_SEL ? matches(BODY_SELECTORS[k]!, f.name, f.attrs) : f.name === (k === H1 ? "h1" : "title");
      if (hit && this.take(k, f)) { if (c === p.c) c = c.slice(); c[k] = f.ord; }
    }
    if (f.name === "meta" && f.attrs.name === "ArticleTitle" && (!this.meta || (f.before && precedes(f, this.meta)))) this.meta = f;
    f.s = c === p.c && body === p.body ? p : { c, body };
  }

  close(): void {}

  text(t: string, parent: Frame): void {
    const s: MeasureState = parent.s ?? OUTSIDE;
    if (!s.body && s === OUTSIDE) return;
    const sq = squash(t);
    if (s.body) this.bodyLen += sq.length;
    for (let k = 0; k < KEYS; k++) {
      const o = s.c[k]!;
      if (o < 0 || o !== this.holder[k]!.ord) continue;
      if (k === H1) this.h1Parts.push(t);
      else if (k === TITLE) this.titleParts.push(t);
      else {
        this.len[k] += sq.length;
        const have = this.prefix[k]!.length;
        if (have < 300) this.prefix[k] += sq.slice(0, 300 - have);
      }
    }
  }

  /**
   * The article's title as the page states it outside the body: the ArticleTitle
   * meta tag most CMSs of government sites write, else the first <h1>, else the
   * part of <title> before the site name ("标题_栏目_网站").
   */
  pageTitle(): string | null {
    const cands = [this.meta?.attrs.content, this.h1Parts.join(""), this.titleParts.join("").split(/[_|]| - /)[0]];
    for (const c of cands) {
      const t = (c ?? "").replace(/\s+/g, " ").trim();
      if (t.length >= 4) return t;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------
// Pass 2: the text of the chosen container.
// Inside a table cell, paragraphs and <br> are spaces: a row stays on one line;
// inside <pre>, the text's own line breaks are the lines. Text and elements
// foster-parented out of a table go before it, where a browser shows them:
// each table collects its text apart and hands it to its parent when it closes.

/**
 * Text in order, with nested Pieces where a table's foster-parented text and
 * content are spliced in when it closes. Runs of strings are joined every
 * 1024 pieces: a page of 10⁶ spans keeps its text, not 10⁶ small strings
 * (each with a header larger than the word it holds).
 */
class Pieces {
  private readonly items: Array<string | Pieces> = [];
  private run: string[] = [];

  push(x: string | Pieces): void {
    if (typeof x !== "string") { this.close(); this.items.push(x); return; }
    this.run.push(x);
    if (this.run.length >= 1024) this.close();
  }

  private close(): void {
    if (!this.run.length) return;
    this.items.push(this.run.length === 1 ? this.run[0]! : this.run.join(""));
    this.run = [];
  }

  /** The whole text, flattened with an explicit stack (tables nest as deep as the page). */
  join(): string {
    const res: string[] = [];
    const stack: Array<[Pieces, number]> = [[this, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const p = top[0];
      if (top[1] === 0) p.close();
      if (top[1] >= p.items.length) { stack.pop(); continue; }
      const x = p.items[top[1]++]!;
      if (typeof x === "string") res.push(x);
      else stack.push([x, 0]);
    }
    return res.join("");
  }
}

interface EmitState {
  emit: boolean;
  out: Pieces;
  inCell: number;
  inPre: number;
  parentInCell: number;
  block: boolean;
  cell: boolean;
  pre: boolean;
  /** Tables: what was foster-parented before it, its own text, where both go when it closes. */
  foster?: Pieces;
  content?: Pieces;
  parentOut?: Pieces;
}
const NOEMIT: EmitState = { emit: false, out: new Pieces(), inCell: 0, inPre: 0, parentInCell: 0, block: false, cell: false, pre: false };

class Emit implements Sink {
  readonly parts = new Pieces();
  private readonly top: EmitState;
  constructor(private readonly rootOrd: number) {
    this.top = { ...NOEMIT, emit: true, out: this.parts };
  }

  open(f: Frame): void {
    const ps: EmitState = f.ord === this.rootOrd ? this.top : f.parent.s ?? NOEMIT;
    if (!ps.emit) { f.s = NOEMIT; return; }
    const out = f.foster && f.ord !== this.rootOrd ? (f.foster.s as EmitState).foster! : ps.out;
    const name = f.name;
    let s: EmitState;
    if (name === "br") { out.push(ps.inCell ? " " : "\n"); s = NOEMIT; }
    else if (name === "nav" || hidden(f.attrs)) s = NOEMIT;
    else {
      const cell = name === "td" || name === "th";
      const block = BLOCK.has(name) && !ps.inCell;
      // table rows and list items follow each other line by line; other blocks
      // are paragraphs, set off by a blank line as in the text seeds
      s = { emit: true, out, inCell: ps.inCell + (cell ? 1 : 0), inPre: ps.inPre + (name === "pre" ? 1 : 0), parentInCell: ps.inCell, block, cell, pre: name === "pre" };
    }
    if (name === "table") {
      s = { ...s, foster: new Pieces(), content: new Pieces(), parentOut: out };
      if (s.emit) s.out = s.content!;
    }
    if (s.block && name !== "tr" && name !== "li") s.out.push("\n");
    f.s = s;
  }

  close(f: Frame): void {
    const s = f.s as EmitState;
    if (s.emit) {
      if (s.cell) s.out.push(s.parentInCell ? " " : "\t");
      if (s.block) s.out.push("\n");
      else if (s.parentInCell && BLOCK.has(f.name)) s.out.push(" ");
    }
    if (s.parentOut) { s.parentOut.push(s.foster!); s.parentOut.push(s.content!); }
  }

  text(t: string, parent: Frame, foster: Frame | null): void {
    const s: EmitState = parent.s ?? NOEMIT;
    if (!s.emit) return;
    const out = foster ? (foster.s as EmitState).foster! : s.out;
    // a tab inside <pre> is a column stop (LibreOffice writes a text file's table rows so): keep it
    out.push(s.inPre && !s.inCell ? t.replace(/\r\n?/g, "\n").replace(/ +/g, " ") : t.replace(/[\r\n\t ]+/g, " "));
  }

  join(): string { return this.parts.join(); }
}

export function htmlToText(html: string): string {
  // the HTML input stream's newline normalization
  if (html.includes("\r")) html = html.replace(/\r\n?/g, "\n");
  const m = new Measure();
  parse(html, m);
  if (m.bodyOrd < 0 || !m.bodyLen) return ""; // a page with a <title> and nothing to read is no document
  let rootOrd = m.bodyOrd, prefix: string | null = null;
  for (let k = 0; k < N_SEL; k++) {
    const n = m.holder[k] ? m.len[k]! : 0;
    // prefer a specific container only when it holds most of the page's text
    if (n > 0 && n >= 0.3 * m.bodyLen) { rootOrd = m.holder[k]!.ord; prefix = m.prefix[k]!; break; }
  }
  const e = new Emit(rootOrd);
  // many article bodies leave the title to a heading above them: keep it as the first line
  if (prefix !== null) {
    const title = m.pageTitle();
    if (title && !prefix.includes(squash(title))) e.parts.push(title + "\n");
  }
  parse(html, e);
  return tidyText(e.join());
}

/**
 * The page's text as lines: no-break spaces and runs of spaces made one space,
 * cells trimmed and empty trailing cells dropped, at most one blank line in a row.
 * Line by line, so a large page's text is copied once into tidy lines and
 * once more when they are joined, not once per step.
 */
export function tidyText(text: string): string {
  const out: string[] = [];
  let blanks = 0;
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const line = tidyLine(text.slice(from, to));
    from = to + 1;
    if (line === "" && ++blanks > 1) continue;
    if (line !== "") blanks = 0;
    out.push(line);
  }
  return out.join("\n").trim();
}

function tidyLine(l: string): string {
  return l.replace(/\u00a0/g, " ").replace(/ +/g, " ").split("\t").map((c) => c.trim()).join("\t").replace(/(?<!\t)\t+$/, "");
}

export function ingestHtml(file: string, bytes: Uint8Array): Source {
  let html: string;
  try {
    html = decodeHtml(bytes);
  } catch {
    throw new InputError(file, "not valid text in UTF-8, UTF-16 or GB18030");
  }
  if (looksBinary(html)) throw new InputError(file, "binary content, not an HTML document");
  const text = htmlToText(html);
  html = ""; // the page's markup can go before its text is mapped
  if (!text.trim()) throw new InputError(file, "HTML page has no text");
  return sourceFromLines(file, "html", text);
}
