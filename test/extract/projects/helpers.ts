import { extractProjects } from "../../../src/extract/projects.js";
import { docOf } from "../../helpers.js";

/** Projects of a literal text as [name, stage, sector] triples, in document order. */
export function projects(text: string): Array<[string, string, string]> {
  return extractProjects(docOf(text)).sort((a, b) => a.at - b.at).map((d) => [d.fields.name, d.fields.stage, d.fields.sector]);
}

/** Just the names. */
export const names = (text: string) => projects(text).map(([n]) => n);
