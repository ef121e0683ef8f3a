// Two VPCs and a TwoRegionDr between them through the generated Go SDK, run end to end by
// test/e2e/pulumi-other-languages.test.ts on the local backend.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"peerlink.local/sdk/go/peerlink"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		// Stack config (the e2e test sets it): proves the host hands the program its config.
		bandwidth := config.GetInt(ctx, "bandwidthMbps")
		if bandwidth == 0 {
			bandwidth = 100
		}
		gz, err := peerlink.NewVpc(ctx, "payments-gz", &peerlink.VpcArgs{
			Name:   pulumi.String("go-payments-gz"),
			Region: pulumi.String("ap-guangzhou"),
			Cidrs:  pulumi.StringArray{pulumi.String("10.0.0.0/16")},
		})
		if err != nil {
			return err
		}
		bj, err := peerlink.NewVpc(ctx, "payments-bj", &peerlink.VpcArgs{
			Name:   pulumi.String("go-payments-bj"),
			Region: pulumi.String("ap-beijing"),
			Cidrs:  pulumi.StringArray{pulumi.String("10.1.0.0/16")},
		})
		if err != nil {
			return err
		}
		dr, err := peerlink.NewTwoRegionDr(ctx, "payments-dr", &peerlink.TwoRegionDrArgs{
			Primary: &peerlink.DrSiteArgs{
				Vpc:    gz.VpcId,
				Name:   pulumi.String("payments-gz"),
				Region: pulumi.String("ap-guangzhou"),
				Cidrs:  pulumi.StringArray{pulumi.String("10.0.0.0/16")},
			},
			Standby: &peerlink.DrSiteArgs{
				Vpc:    bj.VpcId,
				Name:   pulumi.String("payments-bj"),
				Region: pulumi.String("ap-beijing"),
				Cidrs:  pulumi.StringArray{pulumi.String("10.1.0.0/16")},
			},
			BandwidthMbps: pulumi.Int(bandwidth),
			ChargeType:    peerlink.ChargeTypePostpaidByDayMax,
		})
		if err != nil {
			return err
		}
		ctx.Export("peeringId", dr.PeeringId)
		ctx.Export("status", dr.Status)
		return nil
	})
}
