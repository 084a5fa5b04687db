import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/** The output path cannot be used: it is a file, or a directory this tool did not write. */
export class OutputError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = "OutputError";
  }
}

/**
 * May `target` be replaced? Only when it does not exist, is an empty directory,
 * or holds a manifest.json written by `tool`: `--out .` or `--out src` must
 * never wipe a user's directory.
 */
export async function checkReplaceable(target: string, tool: string): Promise<void> {
  let st;
  try { st = await stat(target); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new OutputError(target, `cannot use as output directory (${(e as NodeJS.ErrnoException).code})`);
  }
  if (!st.isDirectory()) throw new OutputError(target, "exists and is not a directory");
  const names = await readdir(target);
  if (!names.length) return;
  let manifest: { tool?: unknown } | null = null;
  try { manifest = JSON.parse(await readFile(join(target, "manifest.json"), "utf8")); } catch { manifest = null; }
  if (manifest?.tool !== tool) {
    throw new OutputError(target, `refusing to replace a non-empty directory that has no ${tool} manifest.json`);
  }
}

const tmpPrefix = (abs: string) => `.${basename(abs)}-tmp-`;

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === "EPERM"; }
}

/** Temp dirs (and moved-aside old dirs) left beside `abs` by builds that were killed: their pid is gone. */
async function removeOrphans(abs: string): Promise<void> {
  const prefix = tmpPrefix(abs);
  const names = await readdir(dirname(abs)).catch(() => [] as string[]);
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(n.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) {
      await rm(join(dirname(abs), n), { recursive: true, force: true });
    }
  }
}

/**
 * Build an output directory atomically: every file is written into a fresh
 * temp dir beside the target, then the target is swapped in with renames. A
 * build that fails or is killed before the swap leaves the previous dir whole;
 * what a killed build leaves behind is removed by the next build.
 */
export class AtomicDir {
  private constructor(readonly target: string, readonly tmp: string) {}

  static async open(target: string): Promise<AtomicDir> {
    const abs = resolve(target);
    await mkdir(dirname(abs), { recursive: true });
    await removeOrphans(abs);
    // the pid in the name lets a later build tell a dead build's leftovers from a running one's
    const tmp = await mkdtemp(join(dirname(abs), `${tmpPrefix(abs)}${process.pid}-`));
    // mkdtemp creates 0700; the published directory is an ordinary readable one
    await chmod(tmp, 0o755);
    return new AtomicDir(abs, tmp);
  }

  async write(name: string, data: string | Uint8Array): Promise<void> {
    await writeFile(join(this.tmp, name), data);
  }

  /** Replace the target with the temp dir (old dir moved aside, then removed). */
  async commit(): Promise<void> {
    const old = `${this.tmp}-old`;
    let moved = false;
    try {
      await rename(this.target, old);
      moved = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    try {
      await rename(this.tmp, this.target);
    } catch (e) {
      if (moved) await rename(old, this.target);
      throw e;
    }
    if (moved) await rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await rm(this.tmp, { recursive: true, force: true });
  }
}
