/** Output order: source_file, source_line, id — independent of extraction order. */
export function compareRecords(a: { source_file: string; source_line: number; id: string }, b: { source_file: string; source_line: number; id: string }): number {
  return a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1
    : a.source_line - b.source_line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
