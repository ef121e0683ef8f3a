/**
 * IPv6 blocks a DR site's peers route to but that are known only at apply: the blocks the cloud assigns a
 * dual-stack `Subnet` (its `ipv6Cidr` output; Huawei assigns them itself, rulebook subnets.ipv6AtCreate). The
 * component plans and validates its topology before anything exists, so each such block stands in the plan as a
 * placeholder from 100::/64, the discard-only prefix (RFC 6666), which no cloud assigns: the planner routes it like
 * any assigned block (and the rules that depend on the cloud, such as IPV6_PEERING_UNSUPPORTED, judge it), the
 * route's resource is named by the block's label (stable across runs), and the route is created with the Output
 * itself. Rules on the real value (inside the peer's blocks) are the backend's at apply.
 */
import type * as pulumi from "@pulumi/pulumi";
import { canonicalCidrText } from "../../core/index.js";

export interface DeferredBlock {
  /** The block as the program gave it (an Output of the Subnet's `ipv6Cidr`). */
  readonly input: pulumi.Input<string>;
  /** A name-safe label for resource names and descriptions: `<site>-ipv6-<n>`. */
  readonly label: string;
}

/** FNV-1a over the text, 32 bits: the site's two groups in its placeholders. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The placeholder of the `index`-th deferred IPv6 block of the site `role`: `100::<h>:<h>:<index>:0/112`. */
export function deferredPlaceholder(role: string, index: number): string {
  const h = hash(role);
  const groups = [h >>> 16, h & 0xffff, index & 0xffff].map((g) => g.toString(16));
  return canonicalCidrText(`100::${groups.join(":")}:0/112`);
}

/** Every placeholder in `value` (strings at any depth) replaced by its real block. */
export function substituteDeferred<T>(value: T, real: ReadonlyMap<string, string>): T {
  if (real.size === 0) return value;
  const visit = (v: unknown): unknown => {
    if (typeof v === "string") {
      let text = v;
      for (const [placeholder, block] of real)
        if (text.includes(placeholder)) text = text.split(placeholder).join(block);
      return text;
    }
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [visit(k) as string, visit(x)]));
    return v;
  };
  return visit(value) as T;
}
