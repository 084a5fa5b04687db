import type { RecordType } from "../generated/records.js";
import type { Tally } from "../emit/tally.js";
import { padTo, textWidth } from "../shared/text-width.js";

/**
 * What `build` prints when it ends (README, "Build report"): records per type
 * for each input, the totals, then the inputs that failed. Columns are aligned
 * by display width, so Chinese file names line up too.
 */
export interface SummaryData {
  types: readonly RecordType[];
  /** records counted per input */
  tally: Tally;
  inputs: ReadonlyArray<{ name: string }>;
  failures: ReadonlyArray<{ file: string; reason: string }>;
}

/** Display cells for a name column: control characters shown as \xNN, so each row stays one line. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

export function summaryTable(d: SummaryData): string {
  const perInput = new Map<string, number[]>(d.inputs.map((i) => [i.name, d.tally.countsOf(i.name)]));
  const header = ["input", ...d.types, "total"];
  const rows: string[][] = [];
  const totals = d.types.map(() => 0);
  for (const [name, counts] of perInput) {
    counts.forEach((n, i) => { totals[i]! += n; });
    rows.push([oneLine(name), ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))]);
  }
  const footer = [`total (${d.inputs.length} input${d.inputs.length === 1 ? "" : "s"})`, ...totals.map(String), String(totals.reduce((a, b) => a + b, 0))];
  const widths = header.map((_, c) => [header, ...rows, footer].reduce((w, r) => Math.max(w, textWidth(r[c]!)), 0));
  const line = (r: string[]) => r.map((cell, c) => padTo(cell, widths[c]!, c > 0)).join("  ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const out = [line(header), rule, ...rows.map(line), rule, line(footer)];
  if (d.failures.length) {
    out.push("", `failed (${d.failures.length} input${d.failures.length === 1 ? "" : "s"}, not in the dataset):`);
    for (const f of d.failures) out.push(`  ${oneLine(f.file)}: ${oneLine(f.reason)}`);
  }
  return out.join("\n") + "\n";
}
