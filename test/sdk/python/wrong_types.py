"""Must NOT type-check (test/sdk/sdks.e2e.ts): proves mypy really reads the SDK's types, not Any."""

import pulumi_peerlink as peerlink

peerlink.TwoRegionDr(
    "payments-dr",
    primary=peerlink.DrSiteArgs(vpc="vpc-gz", region="ap-guangzhou", cidrs=["10.0.0.0/16"]),
    standby=peerlink.DrSiteArgs(vpc="vpc-bj", region="ap-beijing", cidrs=["10.1.0.0/16"]),
    bandwidth_mbps="100",  # an int, not a string
)
