import { realpathSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, parse, relative, resolve, sep } from "node:path";
import { OutputError } from "./output-errors.js";

/** The real path of p, or of its nearest existing ancestor with the rest appended (p may not exist yet). */
function realish(p: string): string {
  const abs = resolve(p);
  const rest: string[] = [];
  for (let cur = abs; ; cur = dirname(cur)) {
    try {
      return join(realpathSync(cur), ...rest.reverse());
    } catch {
      if (dirname(cur) === cur) return abs;
      rest.push(cur.slice(dirname(cur).length).replace(/^[/\\]/, ""));
    }
  }
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === "" || (!r.startsWith("..") && !r.startsWith(sep) && r !== ".." && !parse(r).root);
};

/**
 * Refuse an --out that a build must never replace, before anything is read or
 * written: empty, the current directory, the file-system root, the home
 * directory, an input file or folder, or a folder holding an input.
 */
export function checkOutPath(out: string, inputs: readonly string[]): void {
  if (out.trim() === "") throw new OutputError("--out", "is empty: name an output directory");
  const o = realish(out);
  if (o === parse(o).root) throw new OutputError(out, "is the file-system root: name an output directory");
  if (o === realish(process.cwd())) throw new OutputError(out, "is the current directory: name an output directory inside it");
  if (o === realish(homedir())) throw new OutputError(out, "is the home directory: name an output directory inside it");
  for (const i of inputs) {
    const ip = realish(i);
    if (ip === o) throw new OutputError(out, `is an input (${i}): the output must be a separate directory`);
    if (inside(ip, o)) throw new OutputError(out, `holds an input (${i}): the output must be a separate directory`);
  }
}

/** Every file and folder under dir, as paths relative to it with '/' separators (iterative walk). */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const todo = [""];
  while (todo.length) {
    const rel = todo.pop()!;
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) { out.push(`${p}/`); todo.push(p); } else out.push(p);
    }
  }
  return out.sort();
}

/**
 * May `target` be replaced by a new build? Only when it does not exist, is
 * empty, or holds this tool's manifest.json and nothing but the files that
 * manifest lists (a listed file may sit in a sub-folder: review/index.html).
 * Anything else — a user's notes.txt saved inside out/ — is refused by name,
 * never deleted.
 */
export async function checkReplaceable(target: string, tool: string): Promise<void> {
  let st;
  try { st = await stat(target); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new OutputError(target, `cannot use as output directory (${(e as NodeJS.ErrnoException).code})`);
  }
  if (!st.isDirectory()) throw new OutputError(target, "exists and is not a directory");
  const entries = await listTree(target);
  if (!entries.length) return;
  let manifest: { tool?: unknown; outputs?: Array<{ name?: unknown }> } | null = null;
  try { manifest = JSON.parse(await readFile(join(target, "manifest.json"), "utf8")); } catch { manifest = null; }
  if (manifest?.tool !== tool) {
    throw new OutputError(target, `refusing to replace a non-empty directory that has no ${tool} manifest.json`);
  }
  const listed = new Set<string>(["manifest.json"]);
  for (const o of manifest.outputs ?? []) {
    if (typeof o?.name !== "string") continue;
    listed.add(o.name);
    // the folders a listed file sits in are the tool's too
    for (let i = o.name.indexOf("/"); i > 0; i = o.name.indexOf("/", i + 1)) listed.add(`${o.name.slice(0, i)}/`);
  }
  const unknown = entries.filter((e) => !listed.has(e));
  if (unknown.length) {
    const more = unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : "";
    throw new OutputError(target, `holds '${unknown[0]}'${more}, which this tool did not write: refusing to replace it (move it out, or choose another --out)`);
  }
}
