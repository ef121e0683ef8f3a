/**
 * peerlink/cdktf: typed wrappers of the clouds' Terraform peering resources, cloud-neutral peerlink constructs,
 * DR constructs built from the core's planners, and synth-time validation by the core's rules.
 */
export * from "./bandwidth-policy.js";
export * from "./default-providers.js";
export * from "./dr/index.js";
export * from "./errors.js";
export * from "./existing-peering.js";
export * from "./peering.js";
export * from "./peering-acceptance.js";
export type { PeeringLike } from "./peering-like.js";
export * from "./peerlink-construct.js";
export * as baiducloud from "./providers/baiducloud/index.js";
export { BaiducloudProvider } from "./providers/baiducloud/provider.js";
export * as huaweicloud from "./providers/huaweicloud/index.js";
export { HuaweicloudProvider } from "./providers/huaweicloud/provider.js";
export * as tencentcloud from "./providers/tencentcloud/index.js";
export { TencentcloudProvider } from "./providers/tencentcloud/provider.js";
export { PROVIDER_SOURCES } from "./providers/versions.js";
export * from "./route-rule.js";
export * from "./validation/topology-validation.js";
export type { VpcSite } from "./vpc-site.js";
export { vpcTopologyId } from "./vpc-site.js";
