/**
 * huaweicloud's peering rules (skeleton: to be filled from the seeds and the cloud's public documentation).
 */
import type { CloudRulebook } from "./types.js";

const open = (note: string) => ({ open: true, note }) as const;

export const HUAWEICLOUD: CloudRulebook = {
  regions: open("to be researched"),
  crossAccount: open("to be researched"),
  who: {
    accept: open("to be researched"),
    reject: open("to be researched"),
    resize: open("to be researched"),
    rename: open("to be researched"),
    enable: open("to be researched"),
    delete: open("to be researched"),
  },
  onDelete: { routes: open("to be researched"), record: open("to be researched") },
  pendingExpiryDays: open("to be researched"),
  limits: {
    peeringsPerVpc: open("to be researched"),
    routesPerRouteTable: open("to be researched"),
    nameLength: open("to be researched"),
  },
  bandwidth: {
    crossRegionTiers: open("to be researched"),
    crossRegionRequired: open("to be researched"),
    requiredPositiveInteger: open("to be researched"),
    notSettable: open("to be researched"),
  },
  crossRegionPeersDisjoint: open("to be researched"),
  perIpLimits: open("to be researched"),
  billing: {
    chargeTypes: open("to be researched"),
    serviceLevels: open("to be researched"),
    serviceLevelChargeType: open("to be researched"),
  },
};
