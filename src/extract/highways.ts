import type { Draft, Extractor } from "./record.js";
import { transportItems } from "./transport/items.js";

/** Highways: one record per road section a document commits to (CONTRACT.md, railways and highways). */
export const extractHighways: Extractor<"highways"> = (doc) =>
  transportItems(doc)
    .filter((t) => t.mention.kind === "road")
    .map((t): Draft<"highways"> => {
      const m = t.mention;
      return {
        at: t.at,
        quote: t.quote,
        key: `${m.code ?? ""}${m.name}`,
        rule: `highways: a road mention (road words and codes: transport-lines.json), class ${t.roadClass}`,
        fields: {
          name: m.name,
          stops: m.stops,
          stage: t.stage,
          code: m.code,
          road_class: t.roadClass,
          speed_kmh: m.speed,
          segment: m.segment,
          work: m.work,
          region_part: m.regionPart,
        },
      };
    });
