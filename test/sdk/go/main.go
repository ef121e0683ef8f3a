// A Pulumi Go program declaring a peerlink TwoRegionDr through the generated Go SDK (sdk/go): test/sdk/sdks.e2e.ts
// builds and vets it, which proves the SDK compiles and its types take what the README's Go program passes.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"peerlink.local/sdk/go/peerlink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		dr, err := peerlink.NewTwoRegionDr(ctx, "payments-dr", &peerlink.TwoRegionDrArgs{
			Primary: &peerlink.DrSiteArgs{
				Vpc:    pulumi.String("vpc-gz"),
				Region: pulumi.String("ap-guangzhou"),
				Cidrs:  pulumi.StringArray{pulumi.String("10.0.0.0/16")},
			},
			Standby: &peerlink.DrSiteArgs{
				Vpc:    pulumi.String("vpc-bj"),
				Region: pulumi.String("ap-beijing"),
				Cidrs:  pulumi.StringArray{pulumi.String("10.1.0.0/16")},
				Cloud:  peerlink.CloudTencentcloud,
			},
			BandwidthMbps: pulumi.Int(100),
			ChargeType:    peerlink.ChargeTypePostpaidByDayMax,
			BandwidthPolicies: peerlink.DrBandwidthLimitArray{
				&peerlink.DrBandwidthLimitArgs{Ip: pulumi.String("10.0.1.5"), LimitMbps: pulumi.Float64(20)},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("peeringId", dr.PeeringId)
		ctx.Export("status", dr.Status)
		ctx.Export("routes", dr.Routes)
		return nil
	})
}
