import { CLOUD_RULES } from "../cloud-rules.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Rule } from "./rule.js";

/** Name length per cloud: Tencent at most 60 (seed 003), Huawei 1-64 (seed 002). Counted in characters. */
export const checkPeeringName: Rule = (topology) => {
  const out: Diagnostic[] = [];
  for (const peering of topology.peerings) {
    const cloud = peering.vpc.cloud;
    const limits = CLOUD_RULES[cloud].nameLength;
    if (!limits) continue;
    const length = [...peering.name].length;
    if (length >= limits.min && length <= limits.max) continue;
    const shown = length > 24 ? `${[...peering.name].slice(0, 24).join("")}…` : peering.name;
    out.push(
      diagnostic(
        "INVALID_NAME",
        peering.ref,
        `Peering "${peering.id}" name "${shown}" has ${length} characters; ${cloud} accepts ${limits.min} to ${limits.max}.`,
        length < limits.min
          ? "Give the peering a non-empty name, or omit name to use the id."
          : `Shorten the name to at most ${limits.max} characters.`,
        { field: ["name"] },
      ),
    );
  }
  return out;
};
