/** `<type>.json`: a 2-space-indented array with a trailing newline. */
export function toJson(records: unknown): string {
  return JSON.stringify(records, null, 2) + "\n";
}

/**
 * One element of that array as it appears in it, for a file written record by
 * record: the opening bracket or the comma before it, and its lines indented one
 * level (a JSON string holds no raw line break, so every \n is a line of the
 * layout). The elements, then "\n]\n" (or "[]\n" for none), are toJson's bytes.
 */
export function jsonItem(record: unknown, first: boolean): string {
  return (first ? "[\n  " : ",\n  ") + JSON.stringify(record, null, 2).replace(/\n/g, "\n  ");
}
