import { CLOUD_RULES } from "../cloud-rules.js";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import type { Peering } from "../topology.js";
import type { Rule } from "./rule.js";

function nearestTier(tiers: readonly number[], value: number): number {
  return tiers.find((t) => t >= value) ?? tiers[tiers.length - 1]!;
}

function checkPeering(peering: Peering): Diagnostic | undefined {
  const cloud = peering.vpc.cloud;
  const rules = CLOUD_RULES[cloud].bandwidth;
  const bandwidth = peering.spec.bandwidthMbps;
  const where = peering.crossRegion ? "cross-region" : "same-region";
  // A missing bandwidth points at the peering's entry: the field is not there to point at.
  const places = { field: ["bandwidthMbps"] };

  const ignored =
    rules.notSettable === "always" || (rules.notSettable === "same-region" && !peering.crossRegion);
  if (ignored) {
    if (bandwidth === undefined) return undefined;
    return diagnostic(
      "BANDWIDTH_NOT_SETTABLE",
      peering.ref,
      `Peering "${peering.id}" sets bandwidthMbps ${bandwidth}, but a ${where} peering on ${cloud} has no settable bandwidth (seed 000: same-region is unlimited up to 5 Gbps).`,
      "Remove bandwidthMbps; it is ignored.",
      places,
    );
  }
  if (rules.requiredPositiveInteger) {
    // seed 001 createPeerConn: bandwidthInMbps int, required.
    if (bandwidth !== undefined && Number.isInteger(bandwidth) && bandwidth > 0) return undefined;
    return diagnostic(
      "INVALID_BANDWIDTH",
      peering.ref,
      bandwidth === undefined
        ? `Peering "${peering.id}" has no bandwidthMbps; ${cloud} requires one for every peering.`
        : `Peering "${peering.id}" bandwidthMbps ${bandwidth} is not a positive integer.`,
      "Set bandwidthMbps to a positive whole number of Mbps, e.g. 100.",
      places,
    );
  }
  if (peering.crossRegion && rules.crossRegionTiers) {
    const tiers = rules.crossRegionTiers;
    if (bandwidth === undefined) {
      return diagnostic(
        "INVALID_BANDWIDTH",
        peering.ref,
        `Cross-region peering "${peering.id}" (${peering.vpc.region} to ${peering.peerVpc.region}) has no bandwidthMbps; ${cloud} requires a bandwidth cap.`,
        `Set bandwidthMbps to one of ${tiers.join(", ")}.`,
        places,
      );
    }
    if (!tiers.includes(bandwidth)) {
      return diagnostic(
        "INVALID_BANDWIDTH",
        peering.ref,
        `Cross-region peering "${peering.id}" bandwidthMbps ${bandwidth} is not a tier ${cloud} offers (${tiers.join(", ")} Mbps).`,
        `Use ${nearestTier(tiers, bandwidth)}, the nearest tier that carries ${bandwidth} Mbps, or another listed tier.`,
        places,
      );
    }
  }
  return undefined;
}

/** Bandwidth rules per cloud, from CLOUD_RULES (seed 000 tiers; seed 001 integer). */
export const checkBandwidth: Rule = (topology) => {
  const out: Diagnostic[] = [];
  for (const peering of topology.peerings) {
    // A cross-cloud peering is refused outright (CROSS_CLOUD_PEERING); its bandwidth rules would be noise.
    if (peering.vpc.cloud !== peering.peerVpc.cloud) continue;
    const found = checkPeering(peering);
    if (found) out.push(found);
  }
  return out;
};
