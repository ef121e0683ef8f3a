/**
 * Provider blocks peerlink adds when a VpcSite names none: one per cloud and region, aliased by the region,
 * because a route or an acceptance must run in the region (and account) of its own VPC; Tencent's and Baidu's
 * route resources take the region from the provider only. They carry no credentials, so they can serve only one
 * account per cloud: a second account needs an explicit provider (PROVIDER_REQUIRED otherwise).
 */
import { type TerraformProvider, TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";
import type { Cloud } from "../provider/core/topology-schema.js";
import { BaiducloudProvider } from "./providers/baiducloud/provider.js";
import { HuaweicloudProvider } from "./providers/huaweicloud/provider.js";
import { TencentcloudProvider } from "./providers/tencentcloud/provider.js";
import type { VpcSite } from "./vpc-site.js";

interface StackProviders {
  readonly byKey: Map<string, TerraformProvider>;
  /** Accounts served by default providers, per cloud, in first-use order. */
  readonly accounts: Map<Cloud, string[]>;
}

const registry = new WeakMap<TerraformStack, StackProviders>();

function providersOf(stack: TerraformStack): StackProviders {
  let entry = registry.get(stack);
  if (!entry) {
    entry = { byKey: new Map(), accounts: new Map() };
    registry.set(stack, entry);
  }
  return entry;
}

/** Terraform aliases are identifiers: a letter first, then letters, digits, `_` and `-`. */
function aliasFor(region: string, taken: number): string {
  if (Token.isUnresolved(region)) return `region_${taken}`;
  const clean = region.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z]/.test(clean) ? clean : `r_${clean}`;
}

function create(
  scope: Construct,
  cloud: Cloud,
  id: string,
  alias: string,
  region: string,
): TerraformProvider {
  switch (cloud) {
    case "tencentcloud":
      return new TencentcloudProvider(scope, id, { alias, region });
    case "huaweicloud":
      return new HuaweicloudProvider(scope, id, { alias, region });
    case "baiducloud":
      return new BaiducloudProvider(scope, id, { alias, region });
  }
}

/** The provider for resources on `site`'s side: its own, or the stack's default for its cloud and region. */
export function providerFor(scope: Construct, site: VpcSite): TerraformProvider {
  if (site.provider) return site.provider;
  const stack = TerraformStack.of(scope);
  const entry = providersOf(stack);
  const accounts = entry.accounts.get(site.cloud) ?? [];
  if (!accounts.includes(site.account)) accounts.push(site.account);
  entry.accounts.set(site.cloud, accounts);
  const key = `${site.cloud}\u0000${site.region}`;
  let provider = entry.byKey.get(key);
  if (!provider) {
    const alias = aliasFor(site.region, entry.byKey.size);
    provider = create(stack, site.cloud, `peerlink-${site.cloud}-${alias}`, alias, site.region);
    entry.byKey.set(key, provider);
  }
  return provider;
}

/**
 * The accounts of `cloud` that default providers were asked to serve; more than one means some resources would
 * run with the wrong account's credentials.
 */
export function defaultProviderAccounts(stack: TerraformStack, cloud: Cloud): readonly string[] {
  return registry.get(stack)?.accounts.get(cloud) ?? [];
}
