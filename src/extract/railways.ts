import type { Extractor } from "./record.js";

/** Railways: filled by the transport issue. */
export const extractRailways: Extractor<"railways"> = () => [];
