/**
 * The client side of a secondary-CIDR change, shared by the cloud backends whose API adds and removes blocks in
 * separate calls (Tencent CreateAssistantCidr / DeleteAssistantCidr, Huawei add- / remove-extend-cidr): the list
 * asked for is checked before any call, and the change is planned as one add and one remove.
 */
import { overlaps, parseCidr } from "../../core/cidr.js";
import { BackendError } from "../errors.js";

export interface SecondaryRules {
  /** The cloud's code for a block it cannot take (Tencent InvalidParameterValue.Malformed). */
  readonly malformedCode: string;
  /** The cloud's code for a block listed twice. */
  readonly duplicateCode: string;
  /** The cloud's code for an add that overlaps a block being removed. */
  readonly conflictCode: string;
  /** The cloud takes IPv4 blocks only (Huawei extend_cidrs). */
  readonly ipv4Only?: boolean;
}

function refuse(vpcId: string, text: string, message: string, cloudCode: string, fix: string): never {
  throw new BackendError("INVALID_CIDR", message, { cloudCode, resource: `vpc ${vpcId}`, value: text, fix });
}

/**
 * The secondary CIDRs asked for, canonical. Refused before any call: a block that does not parse or has host bits
 * set, an IPv6 block where the cloud takes IPv4 only, and a block listed twice.
 */
export function wantedSecondary(
  vpcId: string,
  secondary: readonly string[],
  rules: SecondaryRules,
): string[] {
  const wanted: string[] = [];
  for (const [index, text] of secondary.entries()) {
    const at = `VPC "${vpcId}" secondary CIDR [${index}] "${text}"`;
    const parsed = parseCidr(text);
    if (!parsed.ok)
      refuse(
        vpcId,
        text,
        `${at} is not a CIDR block${parsed.reason === "host-bits-set" ? " (host bits are set)" : ""}.`,
        rules.malformedCode,
        parsed.suggestion
          ? `Use ${parsed.suggestion}.`
          : "Write the block as address/prefix, e.g. 10.1.0.0/16.",
      );
    if (rules.ipv4Only && parsed.cidr.family !== 4)
      refuse(
        vpcId,
        text,
        `${at} is IPv6; this cloud takes IPv4 secondary CIDRs only.`,
        rules.malformedCode,
        "Give an IPv4 block.",
      );
    if (wanted.includes(parsed.cidr.text))
      refuse(vpcId, text, `${at} is listed twice.`, rules.duplicateCode, `List ${parsed.cidr.text} once.`);
    wanted.push(parsed.cidr.text);
  }
  return wanted;
}

/**
 * What to add and what to remove to go from `current` to `wanted` (both canonical). The backends add first, then
 * remove, so a block to add that overlaps a block to remove would sit next to it for a moment, which the clouds
 * refuse (a VPC's blocks never overlap): refused here, with the two steps that do work.
 */
export function planSecondaryChange(
  vpcId: string,
  current: readonly string[],
  wanted: readonly string[],
  rules: SecondaryRules,
): { add: string[]; remove: string[] } {
  const add = wanted.filter((block) => !current.includes(block));
  const remove = current.filter((block) => !wanted.includes(block));
  for (const added of add) {
    const a = parseCidr(added);
    const clash = remove.find((removed) => {
      const r = parseCidr(removed);
      return a.ok && r.ok && overlaps(a.cidr, r.cidr);
    });
    if (clash !== undefined)
      refuse(
        vpcId,
        added,
        `VPC "${vpcId}": secondary CIDR ${added} would replace the overlapping ${clash} in one change, but the add runs before the remove and a VPC's blocks may not overlap.`,
        rules.conflictCode,
        `Change it in two steps: first set the secondary CIDRs without ${clash}, then with ${added}.`,
      );
  }
  return { add, remove };
}
