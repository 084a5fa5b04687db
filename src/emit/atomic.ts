import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Build an output directory atomically: every file is written into a fresh
 * temp dir beside the target, then the target is swapped in with renames. A
 * build that fails or is killed before the swap leaves the previous dir whole.
 */
export class AtomicDir {
  private constructor(readonly target: string, readonly tmp: string) {}

  static async open(target: string): Promise<AtomicDir> {
    const abs = resolve(target);
    await mkdir(dirname(abs), { recursive: true });
    const tmp = await mkdtemp(join(dirname(abs), `.${basename(abs)}-tmp-`));
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
