/**
 * The mesh of the Pulumi engine bench: `vpcs` VPCs on a ring, each peered with its nearest neighbours on either
 * side (offsets 1..5, fewer on a small ring so that no pair repeats), a route on both sides of every peering.
 * A full mesh of 20 VPCs is not possible: it gives every VPC 19 peerings, and the local backend enforces Tencent's
 * limit of 10 per VPC. Offsets 1..5 both ways give every VPC exactly 10, the densest mesh the limit allows.
 */
export const DEFAULT_VPCS = 20;
export const MAX_OFFSET = 5;

export interface RingMesh {
  readonly vpcs: number;
  /** Peer offsets used on either side: 1..maxOffset. */
  readonly maxOffset: number;
  /** VPC index pairs, [i, (i + k) mod vpcs]. */
  readonly peerings: readonly (readonly [number, number])[];
  readonly routes: number;
  /** VPCs + peerings + routes: the resources `pulumi up` creates (besides the stack and the provider). */
  readonly resources: number;
}

export function ringMesh(vpcs: number): RingMesh {
  if (!Number.isInteger(vpcs) || vpcs < 2)
    throw new Error(`ringMesh: vpcs must be an integer >= 2, got ${vpcs}`);
  if (vpcs > 250) throw new Error(`ringMesh: at most 250 VPCs (one 10.<i>.0.0/16 each), got ${vpcs}`);
  // Offset k joins i and i+k; for k = vpcs/2 that pair comes up twice, so stop before it (and at 1 for 2 VPCs).
  const maxOffset = Math.max(1, Math.min(MAX_OFFSET, Math.floor((vpcs - 1) / 2)));
  const peerings: [number, number][] = [];
  for (let i = 0; i < vpcs; i++)
    for (let k = 1; k <= maxOffset; k++) if (vpcs > 2 || i === 0) peerings.push([i, (i + k) % vpcs]);
  return {
    vpcs,
    maxOffset,
    peerings,
    routes: peerings.length * 2,
    resources: vpcs + peerings.length * 3,
  };
}

/** A size from stack config, else an environment variable, else the default; an integer >= `min`. */
export function sizeFrom(
  configured: number | undefined,
  envName: string,
  fallback: number,
  min: number,
): number {
  const raw = configured ?? process.env[envName];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${envName}: an integer >= ${min}, got ${raw}`);
  return value;
}
