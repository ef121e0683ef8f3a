import { CLOUD_RULES } from "../cloud-rules.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Rule } from "./rule.js";

/** Charge types and service levels per cloud (seed 000 "计费模式" and "产品优势"; seed 001 billing, same-region postpaid only). */
export const checkChargeType: Rule = (topology) => {
  const out: Diagnostic[] = [];
  for (const peering of topology.peerings) {
    const cloud = peering.vpc.cloud;
    const rules = CLOUD_RULES[cloud];
    const { chargeType, serviceLevel } = peering.spec;
    const sameRegion = peering.vpc.region === peering.peerVpc.region;
    if (
      chargeType !== undefined &&
      sameRegion &&
      rules.chargeTypes.includes(chargeType) &&
      !rules.sameRegionChargeTypes.includes(chargeType)
    ) {
      // Baidu: "For peering connections within the same region, the billing parameter only supports the postpaid
      // option" (seed 001; the rulebook's sameRegionChargeTypes).
      out.push(
        diagnostic(
          "INVALID_CHARGE_TYPE",
          peering.ref,
          `Peering "${peering.id}" is same-region (${peering.vpc.region}), where ${cloud} offers only ${rules.sameRegionChargeTypes.join(", ") || "no charge type"}, not ${chargeType}.`,
          rules.sameRegionChargeTypes.length > 0
            ? `Use chargeType ${rules.sameRegionChargeTypes.join(" or ")} (or omit it).`
            : "Remove chargeType.",
          { field: ["chargeType"] },
        ),
      );
    }
    if (chargeType !== undefined && !rules.chargeTypes.includes(chargeType)) {
      out.push(
        diagnostic(
          "INVALID_CHARGE_TYPE",
          peering.ref,
          `Peering "${peering.id}" chargeType ${chargeType} is not offered on ${cloud}.`,
          rules.chargeTypes.length > 0
            ? `Use one of ${rules.chargeTypes.join(", ")}.`
            : `Remove chargeType; ${cloud} peerings have no charge type.`,
          { field: ["chargeType"] },
        ),
      );
    }
    if (serviceLevel === undefined) continue;
    if (!rules.serviceLevels.includes(serviceLevel)) {
      out.push(
        diagnostic(
          "INVALID_CHARGE_TYPE",
          peering.ref,
          `Peering "${peering.id}" serviceLevel ${serviceLevel} is not offered on ${cloud}.`,
          rules.serviceLevels.length > 0
            ? `Use one of ${rules.serviceLevels.join(", ")}.`
            : `Remove serviceLevel; ${cloud} peerings have no service levels.`,
          { field: ["serviceLevel"] },
        ),
      );
      continue;
    }
    const needed = rules.serviceLevelChargeType[serviceLevel];
    if (needed !== undefined && chargeType !== needed) {
      out.push(
        diagnostic(
          "INVALID_CHARGE_TYPE",
          peering.ref,
          `Peering "${peering.id}" serviceLevel ${serviceLevel} needs chargeType ${needed}, but it is ${chargeType ?? "unset (daily peak)"}.`,
          `Set chargeType: ${needed}, or use serviceLevel gold.`,
          { field: ["serviceLevel"] },
        ),
      );
    }
  }
  return out;
};
