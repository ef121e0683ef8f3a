/**
 * Tencent's documented request rate: 20 requests/s per account for each VPC peering and route action (issue 4;
 * each VPC API page states "默认接口请求频率限制：20次/秒"). The backend paces every action at this rate (see
 * ../shared/pacer.ts); the emulator throttles at the same rate.
 */
export const TENCENT_VPC_RATE_PER_SECOND = 20;

export const TENCENT_VPC_ACTIONS = [
  "CreateVpc",
  "DescribeVpcs",
  "DeleteVpc",
  // Secondary CIDRs (setSecondaryCidrs): paced at the same VPC API default (the emulator throttles every action at it).
  "CreateAssistantCidr",
  "DeleteAssistantCidr",
  "CreateRouteTable",
  "DescribeRouteTables",
  "CreateRoutes",
  "DeleteRoutes",
  "CreateVpcPeeringConnection",
  "AcceptVpcPeeringConnection",
  "RejectVpcPeeringConnection",
  "ModifyVpcPeeringConnection",
  "DeleteVpcPeeringConnection",
  "DescribeVpcPeeringConnections",
  // Subnets: their pages document 100 requests/s ("默认接口请求频率限制:100次/秒", DescribeSubnets
  // https://cloud.tencent.com/document/api/215/15784; CreateSubnet and DeleteSubnet the same); paced at the VPC API
  // default above all the same, lower than allowed and what the emulator throttles every action at.
  "CreateSubnet",
  "DescribeSubnets",
  "DeleteSubnet",
] as const;
export type TencentVpcAction = (typeof TENCENT_VPC_ACTIONS)[number];

export function tencentRateOf(action: string): number | undefined {
  return (TENCENT_VPC_ACTIONS as readonly string[]).includes(action)
    ? TENCENT_VPC_RATE_PER_SECOND
    : undefined;
}
