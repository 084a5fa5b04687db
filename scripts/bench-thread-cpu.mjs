/**
 * Preloaded into a build by scripts/bench-goals.mjs (`node --import`): at exit,
 * prints the CPU seconds of the main thread (the one that writes the output)
 * and of the whole process, read from /proc (Linux). With worker threads, the
 * main thread's share bounds how much more cores can give: a build cannot go
 * faster than that thread alone.
 */
import { readFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  process.on("exit", () => {
    let main = NaN;
    try {
      // fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second)
      const f = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" ");
      main = (Number(f[11]) + Number(f[12])) / 100;
    } catch { /* not Linux */ }
    const all = process.cpuUsage();
    process.stderr.write(`\nthread-cpu ${main} ${(all.user + all.system) / 1e6}\n`);
  });
}
