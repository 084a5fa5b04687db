/**
 * The review pages' own style and script, inlined into every page (a page is
 * one self-contained file) and allowed by hash in its Content-Security-Policy.
 * The script builds the record list with textContent only: no input text is
 * ever parsed as HTML.
 */
export const TYPE_COLOURS: Record<string, string> = {
  documents: "#6c757d", targets: "#1971c2", projects: "#2f9e44", railways: "#e8590c", highways: "#9c36b5", subsidies: "#c2255c",
};

const typeRules = Object.entries(TYPE_COLOURS)
  .map(([t, c]) => `.t-${t} .ty{background:${c}}.b-${t}{fill:${c}}.k-${t}{color:${c}}`)
  .join("");

export const STYLE = `*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;color:#212529;background:#fff}
header{display:flex;gap:1em;align-items:baseline;padding:.5em 1em;border-bottom:1px solid #dee2e6;background:#f8f9fa}
header h1{font-size:1.1em;margin:0}
a{color:#1864ab}
main.review{display:grid;grid-template-columns:minmax(22em,38%) 1fr;height:calc(100vh - 2.8em)}
#side{display:flex;flex-direction:column;border-right:1px solid #dee2e6;min-height:0}
#filters{display:flex;flex-wrap:wrap;gap:.3em;padding:.5em;border-bottom:1px solid #dee2e6}
#filters select,#filters input{font:inherit;max-width:100%}
#filters input{flex:1 1 12em}
#count{padding:.2em .6em;color:#495057}
#pin{padding:.2em .6em;background:#fff3bf}
#list{list-style:none;margin:0;padding:0;overflow:auto;flex:1 1 auto;min-height:0}
#list li[hidden]{display:none}
.rec{display:block;width:100%;text-align:left;font:inherit;border:0;border-bottom:1px solid #f1f3f5;background:none;padding:.35em .6em;cursor:pointer}
.rec:hover{background:#f1f3f5}
.rec.on{background:#fff3bf}
.rec:focus-visible{outline:2px solid #1971c2;outline-offset:-2px}
.ty{display:inline-block;color:#fff;border-radius:3px;padding:0 .35em;font-size:.8em;margin-right:.4em}
.ln{color:#868e96;font-size:.85em;margin-right:.4em}
.sub{display:block;color:#495057;font-size:.85em}
#detail{flex:0 0 auto;border-top:1px solid #dee2e6;max-height:40%;overflow:auto;padding:.4em .6em;font-size:.9em}
#detail dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8em;margin:0}
#detail dt{color:#868e96}
#detail dd{margin:0;word-break:break-all}
#src{overflow:auto;font:13px/1.6 "Noto Sans Mono CJK SC","Noto Sans CJK SC",monospace;padding:.3em 0}
.l{display:flex;white-space:pre-wrap;word-break:break-all}
.l.on{background:#fff3bf}
.n{flex:0 0 4.5em;text-align:right;padding-right:.8em;color:#adb5bd;user-select:none}
.x{flex:1;padding-right:1em}
mark{background:#ffec99;cursor:pointer;border-radius:2px}
mark.on{background:#ffa94d;outline:2px solid #e8590c}
mark:focus-visible{outline:2px solid #1971c2}
table{border-collapse:collapse;margin:1em}
th,td{padding:.25em .6em;border-bottom:1px solid #e9ecef;text-align:left;vertical-align:middle}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.input td{background:#f8f9fa;font-weight:600}
.legend span{margin-right:1em}
p.note{margin:1em;color:#495057}
${typeRules}
`;

/** The per-input page's behaviour: filters, search, record ↔ highlight, keyboard. */
export const SCRIPT = `(function () {
"use strict";
var data = JSON.parse(document.getElementById("data").textContent);
var recs = data.records, labels = data.labels;
var list = document.getElementById("list"), count = document.getElementById("count");
var q = document.getElementById("q"), pin = document.getElementById("pin"), detail = document.getElementById("detail");
var sel = { type: document.getElementById("f-type"), doc: document.getElementById("f-doc"), stage: document.getElementById("f-stage"), instrument: document.getElementById("f-instrument") };
var items = [], pinned = null, current = -1;
function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function show(v) { return v == null ? "" : Array.isArray(v) ? v.join("|") : String(v); }
function chips(r) {
  var out = [];
  ["stage", "instrument", "comparator", "value_text", "amount_yuan", "amount_max_yuan", "rate_pct", "target_year", "code", "date", "doc_number"].forEach(function (k) {
    if (r[k] != null && r[k] !== "" && k !== labels[r.type]) out.push(show(r[k]));
  });
  return out.join(" · ");
}
function fill(select, values) {
  values.forEach(function (v) { var o = el("option", null, v); o.value = v; select.appendChild(o); });
  if (values.length < 2 && select !== sel.doc) select.hidden = true;
}
function distinct(key) { var seen = {}, out = []; recs.forEach(function (r) { var v = r[key]; if (v != null && !Object.prototype.hasOwnProperty.call(seen, v)) { seen[v] = 1; out.push(v); } }); return out; }
fill(sel.type, data.types.filter(function (t) { return recs.some(function (r) { return r.type === t; }); }));
fill(sel.doc, distinct("doc_title"));
fill(sel.stage, distinct("stage").sort());
fill(sel.instrument, distinct("instrument").sort());
var frag = document.createDocumentFragment();
recs.forEach(function (r, i) {
  var li = el("li"), b = el("button", "rec t-" + r.type);
  b.type = "button"; b.setAttribute("data-i", String(i)); b.id = "r-" + r.id;
  b.appendChild(el("span", "ty", r.type));
  b.appendChild(el("span", "ln", "L" + r.source_line));
  b.appendChild(el("span", "lb", show(r[labels[r.type]])));
  b.appendChild(el("span", "sub", chips(r)));
  li.appendChild(b); frag.appendChild(li);
  var hay = Object.keys(r).map(function (k) { return show(r[k]); }).join("\\n").toLowerCase();
  items.push({ li: li, b: b, hay: hay });
});
list.appendChild(frag);
function apply() {
  var t = sel.type.value, d = sel.doc.value, s = sel.stage.value, ins = sel.instrument.value, text = q.value.trim().toLowerCase(), shown = 0;
  for (var i = 0; i < recs.length; i++) {
    var r = recs[i];
    var ok = (!t || r.type === t) && (!d || r.doc_title === d) && (!s || r.stage === s) && (!ins || r.instrument === ins) && (!text || items[i].hay.indexOf(text) >= 0) && (!pinned || pinned.indexOf(i) >= 0);
    items[i].li.hidden = !ok;
    if (ok) shown++;
  }
  count.textContent = shown + " of " + recs.length + " records";
}
function clearOn() { Array.prototype.forEach.call(document.querySelectorAll(".on"), function (e) { e.classList.remove("on"); }); }
function showDetail(r) {
  detail.textContent = "";
  var dl = el("dl");
  Object.keys(r).forEach(function (k) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, show(r[k]))); });
  detail.appendChild(dl);
}
function select(i, focus) {
  clearOn();
  current = i;
  var r = recs[i], it = items[i];
  it.b.classList.add("on");
  if (focus) it.b.focus();
  it.b.scrollIntoView({ block: "nearest" });
  var line = document.getElementById("L" + r.source_line);
  if (line) { line.classList.add("on"); line.scrollIntoView({ block: "center" }); }
  Array.prototype.forEach.call(document.querySelectorAll('mark[data-r~="' + i + '"]'), function (m) { m.classList.add("on"); });
  showDetail(r);
  if (history.replaceState) history.replaceState(null, "", "#id=" + r.id);
}
function pinTo(ids, lineNo) {
  pinned = ids;
  pin.hidden = false;
  pin.textContent = "";
  pin.appendChild(document.createTextNode(ids.length + " record(s) at line " + lineNo + " "));
  var all = el("button", null, "show all"); all.type = "button";
  all.addEventListener("click", unpin);
  pin.appendChild(all);
  apply();
  select(ids[0], true);
}
function unpin() { pinned = null; pin.hidden = true; apply(); if (current >= 0) items[current].b.focus(); }
list.addEventListener("click", function (e) { var b = e.target.closest("button.rec"); if (b) select(Number(b.getAttribute("data-i")), false); });
list.addEventListener("keydown", function (e) {
  var keys = { ArrowDown: 1, ArrowUp: -1, Home: -2, End: 2 };
  if (!(e.key in keys)) return;
  var vis = items.filter(function (x) { return !x.li.hidden; });
  if (!vis.length) return;
  var at = vis.findIndex(function (x) { return x.b === document.activeElement; });
  var k = keys[e.key], to = k === -2 ? 0 : k === 2 ? vis.length - 1 : Math.max(0, Math.min(vis.length - 1, at + k));
  e.preventDefault();
  select(Number(vis[to].b.getAttribute("data-i")), true);
});
function activateMark(m) {
  var ids = m.getAttribute("data-r").split(" ").map(Number);
  var line = m.closest(".l");
  pinTo(ids, line ? line.id.slice(1) : "?");
}
var src = document.getElementById("src");
src.addEventListener("click", function (e) { var m = e.target.closest("mark"); if (m) activateMark(m); });
src.addEventListener("keydown", function (e) { var m = e.target.closest("mark"); if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); activateMark(m); } });
Object.keys(sel).forEach(function (k) { sel[k].addEventListener("change", apply); });
q.addEventListener("input", apply);
document.addEventListener("keydown", function (e) {
  var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (e.key === "/" && !typing) { e.preventDefault(); q.focus(); }
  else if (e.key === "Escape") { if (pinned) unpin(); else if (typing) document.activeElement.blur(); }
});
function fromHash() {
  var h = decodeURIComponent(location.hash.slice(1)), m;
  if ((m = /^doc=(.*)$/.exec(h))) { sel.doc.value = m[1]; }
  else if ((m = /^type=(.*)$/.exec(h))) { sel.type.value = m[1]; }
  apply();
  if ((m = /^id=(.*)$/.exec(h))) { var b = document.getElementById("r-" + m[1]); if (b) select(Number(b.getAttribute("data-i")), true); }
}
window.addEventListener("hashchange", fromHash);
fromHash();
document.body.setAttribute("data-ready", "1");
})();
`;
