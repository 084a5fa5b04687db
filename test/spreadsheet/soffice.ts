import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice (soffice) headless, driven as a user would from a shell: one
 * conversion per call, each with its own fresh profile directory (two runs never
 * share one, and a leftover lock can never stall a run), killed with its whole
 * process group on timeout or when the test process exits.
 */
export function sofficeMissing(): string | null {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 });
  return r.status === 0 ? null : "LibreOffice is not installed: apt-get install libreoffice-calc-nogui fonts-noto-cjk (README, Tests)";
}

const running = new Set<number>();
process.on("exit", () => { for (const pid of running) { try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ } } });

export interface Conversion { files: string[]; to: string; outdir: string; infilter?: string; timeoutMs?: number }

export function convert(c: Conversion): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), "soffice-profile-"));
  const args = ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=${pathToFileURL(profile).href}`];
  if (c.infilter) args.push(`--infilter=${c.infilter}`);
  args.push("--convert-to", c.to, "--outdir", c.outdir, ...c.files);
  return new Promise((resolve, reject) => {
    const child = spawn("soffice", args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => { log += d; });
    child.stderr.on("data", (d) => { log += d; });
    running.add(child.pid!);
    const timer = setTimeout(() => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } }, c.timeoutMs ?? 120_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      running.delete(child.pid!);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) resolve();
      else reject(new Error(`soffice ${args.join(" ")} ended with ${signal ?? code}: ${log}`));
    });
  });
}
