/**
 * IPv6 blocks a DR site's peers route to but that are known only at apply: the blocks the cloud assigns a
 * dual-stack subnet (a Pulumi `Subnet`'s `ipv6Cidr` Output, a Terraform `huaweicloud_vpc_subnet`'s `ipv6_cidr`
 * token; Huawei assigns them itself, rulebook subnets.ipv6AtCreate). The Pulumi components and the CDKTF constructs
 * plan and validate their topology before anything exists, so each such block stands in the plan as a placeholder
 * from 100::/64, the discard-only prefix (RFC 6666), which no cloud assigns: the planner routes it like any
 * assigned block (and the rules that depend on the cloud, such as IPV6_PEERING_UNSUPPORTED, judge it), and the
 * front end creates the route with the program's value. Rules on the real value (inside the peer's blocks) are the
 * backend's at apply.
 */
import { canonicalCidrText } from "../cidr.js";

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

/**
 * A site's assigned blocks as the planner takes them: each block `isDeferred` says is not known yet replaced by
 * its placeholder, and the placeholders with the values they stand for.
 */
export function planBlocks<T>(
  site: string,
  blocks: readonly T[],
  isDeferred: (block: T) => boolean,
): {
  readonly blocks: string[];
  readonly deferred: Map<string, { readonly block: T; readonly index: number }>;
} {
  const deferred = new Map<string, { readonly block: T; readonly index: number }>();
  const planned = blocks.map((block, i) => {
    if (!isDeferred(block)) return block as unknown as string;
    const placeholder = deferredPlaceholder(site, i);
    deferred.set(placeholder, { block, index: i });
    return placeholder;
  });
  return { blocks: planned, deferred };
}
