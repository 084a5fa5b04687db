/** `<type>.json`: a 2-space-indented array with a trailing newline. */
export function toJson(records: unknown): string {
  return JSON.stringify(records, null, 2) + "\n";
}

/**
 * Some elements of that array as they appear in it, for a file written a few
 * records at a time: the opening bracket (for the file's first record) or the
 * comma before the first of them, and their lines indented one level. The runs,
 * then "\n]\n" (or "[]\n" for none), are toJson's bytes: they are the array's own
 * text without its "[" and its closing "\n]", so one JSON.stringify call does a
 * whole run (a run of one record at a time costs a call and a re-indent each).
 */
export function jsonItems(records: readonly unknown[], first: boolean): string {
  if (!records.length) return "";
  if (first) return "[" + JSON.stringify(records, null, 2).slice(1, -2);
  // after a comma: the array's text with a null before them, `[\n  null,\n  {…}\n]`, from that
  // comma on. A slice of the one string JSON.stringify made: joining "," to the text was a second
  // string, copied whole again when written (and as much garbage again)
  const whole = JSON.stringify(AFTER.concat(records), null, 2);
  return whole.slice(NULL_ITEM.length, -2);
}
/** what the runs after the first are stringified after */
const AFTER: readonly unknown[] = [null];
/** the text of that first element, up to the comma after it */
const NULL_ITEM = "[\n  null";
