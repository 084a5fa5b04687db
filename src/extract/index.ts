import type { RecordType } from "../generated/records.js";
import type { Extractor } from "./record.js";
import { extractDocuments } from "./documents.js";
import { extractHighways } from "./highways.js";
import { extractProjects } from "./projects.js";
import { extractRailways } from "./railways.js";
import { extractSubsidies } from "./subsidies.js";
import { extractTargets } from "./targets.js";

/** One extractor per record type. */
export const EXTRACTORS: { [T in RecordType]: Extractor<T> } = {
  documents: extractDocuments,
  targets: extractTargets,
  projects: extractProjects,
  railways: extractRailways,
  highways: extractHighways,
  subsidies: extractSubsidies,
};
