"""A Pulumi Python program declaring a peerlink TwoRegionDr through the generated Python SDK (sdk/python).

test/sdk/sdks.e2e.ts installs the SDK into a virtualenv and type-checks this file with mypy (--strict): the SDK
imports, and its types take what the README's Python program passes.
"""

import pulumi
import pulumi_peerlink as peerlink

dr = peerlink.TwoRegionDr(
    "payments-dr",
    primary=peerlink.DrSiteArgs(vpc="vpc-gz", region="ap-guangzhou", cidrs=["10.0.0.0/16"]),
    standby={
        "vpc": "vpc-bj",
        "region": "ap-beijing",
        "cidrs": ["10.1.0.0/16"],
        "cloud": peerlink.Cloud.TENCENTCLOUD,
    },
    bandwidth_mbps=100,
    charge_type=peerlink.ChargeType.POSTPAID_BY_DAY_MAX,
    bandwidth_policies=[peerlink.DrBandwidthLimitArgs(ip="10.0.1.5", limit_mbps=20)],
)

pulumi.export("peeringId", dr.peering_id)
pulumi.export("status", dr.status)
pulumi.export("routes", dr.routes)
