import type { Draft, Extractor } from "./record.js";
import { transportItems } from "./transport/items.js";

/** Railways: one record per line or section a document commits to (CONTRACT.md, railways and highways). */
export const extractRailways: Extractor<"railways"> = (doc) =>
  transportItems(doc)
    .filter((t) => t.mention.kind === "rail")
    .map((t): Draft<"railways"> => {
      const m = t.mention;
      return {
        at: t.at,
        quote: t.quote,
        key: m.name,
        rule: `railways: a rail line mention (line words: transport-lines.json), class ${t.lineClass}`,
        fields: {
          name: m.name,
          stops: m.stops,
          stage: t.stage,
          code: null,
          line_class: t.lineClass,
          speed_kmh: m.speed,
          segment: m.segment,
          work: m.work,
          region_part: m.regionPart,
        },
      };
    });
