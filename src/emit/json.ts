/** `<type>.json`: a 2-space-indented array with a trailing newline. */
export function toJson(records: unknown): string {
  return JSON.stringify(records, null, 2) + "\n";
}
