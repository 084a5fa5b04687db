import type { Extractor } from "./record.js";

/** Projects: filled by the projects issue. */
export const extractProjects: Extractor<"projects"> = () => [];
