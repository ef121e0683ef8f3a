"""Two VPCs and a TwoRegionDr between them through the generated Python SDK, run end to end by
test/e2e/pulumi-other-languages.test.ts on the local backend."""

import pulumi
import pulumi_peerlink as peerlink

# Stack config (the e2e test sets it): proves the host hands the program its config.
bandwidth = pulumi.Config().get_int("bandwidthMbps") or 100

gz = peerlink.Vpc("payments-gz", name="py-payments-gz", region="ap-guangzhou", cidrs=["10.0.0.0/16"])
bj = peerlink.Vpc("payments-bj", name="py-payments-bj", region="ap-beijing", cidrs=["10.1.0.0/16"])

dr = peerlink.TwoRegionDr(
    "payments-dr",
    primary=peerlink.DrSiteArgs(vpc=gz.vpc_id, name="payments-gz", region="ap-guangzhou", cidrs=["10.0.0.0/16"]),
    standby=peerlink.DrSiteArgs(vpc=bj.vpc_id, name="payments-bj", region="ap-beijing", cidrs=["10.1.0.0/16"]),
    bandwidth_mbps=bandwidth,
    charge_type=peerlink.ChargeType.POSTPAID_BY_DAY_MAX,
)

pulumi.export("peeringId", dr.peering_id)
pulumi.export("status", dr.status)
