import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { Peering } from "../../constructs/peering.js";
import { RouteRule } from "../../constructs/route-rule.js";
import { TopologyValidation } from "../../constructs/validation/topology-validation.js";
import type { VpcSite } from "../../constructs/vpc-site.js";
import type { ChargeType } from "../../provider/core/topology-schema.js";
import { errorCodes, site, synthStack } from "../support/cdktf-stack.js";

/** Journey 4: a Huawei pipeline; the app VPC's secondary block overlaps the shared-services VPC. */
function huaweiPipeline(stack: TerraformStack, appCidrs = ["10.0.0.0/16"]) {
  const app = site("huaweicloud", "vpc-app", appCidrs, "cn-north-4", { name: "app" });
  const shared = site("huaweicloud", "vpc-shared", "10.1.0.0/16", "cn-north-4", { name: "shared" });
  const peering = new Peering(stack, "app-shared", { cloud: "huaweicloud", vpc: app, peerVpc: shared });
  new RouteRule(stack, "to-shared", { cloud: "huaweicloud", vpc: app, peering, destination: "10.1.0.0/16" });
  new RouteRule(stack, "to-app", { cloud: "huaweicloud", vpc: shared, peering, destination: "10.0.0.0/16" });
}

describe("synth-time validation by the core rules", () => {
  it("passes a valid Huawei topology without a warning (journey 4)", () => {
    const result = synthStack((stack) => huaweiPipeline(stack));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("fails listing every error as [construct path] CODE message, warnings apart", () => {
    const result = synthStack((stack) => {
      huaweiPipeline(stack, ["10.0.0.0/16", "10.1.128.0/17"]);
      // A second problem on another construct: a route to a block outside the peer.
      const app = site("huaweicloud", "vpc-app", ["10.0.0.0/16", "10.1.128.0/17"], "cn-north-4", {
        name: "app",
      });
      const peering = stack.node.findChild("app-shared") as Peering;
      new RouteRule(stack, "stray", {
        cloud: "huaweicloud",
        vpc: app,
        peering,
        destination: "192.168.0.0/24",
        routeTableId: "rtb-x",
      });
    });
    expect(errorCodes(result)).toEqual([
      "stack/app-shared CIDR_OVERLAP",
      "stack/to-shared ROUTE_CONFLICT",
      "stack/stray UNKNOWN_REFERENCE",
    ]);
    const overlap = result.errors[0]!;
    expect(overlap).toContain("10.1.128.0/17");
    expect(overlap).toContain('"app"');
    expect(overlap).toContain('"shared"');
    expect(overlap).toMatch(/Fix: /);
  });

  it("makes app.synth() throw with the same lines, before anything is written", () => {
    const outdir = mkdtempSync(join(tmpdir(), "peerlink-synth-"));
    afterAll(() => rmSync(outdir, { recursive: true, force: true }));
    const app = new App({ outdir });
    huaweiPipeline(new TerraformStack(app, "pipeline"), ["10.0.0.0/16", "10.1.0.0/24"]);
    expect(() => app.synth()).toThrow(/\[pipeline\/app-shared\] CIDR_OVERLAP .*10\.1\.0\.0\/24/);
  });

  it("turns warnings into annotations at the construct, once however often the stack is synthesized", () => {
    const result = synthStack((stack) => {
      const a = site("tencentcloud", "a", "10.0.0.0/16", "ap-guangzhou");
      const b = site("tencentcloud", "b", "10.1.0.0/16", "ap-guangzhou");
      const peering = new Peering(stack, "p", { cloud: "tencentcloud", vpc: a, peerVpc: b });
      new RouteRule(stack, "one-way", { cloud: "tencentcloud", vpc: a, peering, destination: "10.1.0.0/16" });
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^\[stack\/one-way\] MISSING_RETURN_ROUTE Route in VPC "a"/);
    Testing.synth(result.stack, true);
    const again = result.stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn"));
    expect(again).toHaveLength(1);
  });

  it("reports a value the schema refuses at the construct that set it", () => {
    const result = synthStack((stack) => {
      new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: site("tencentcloud", "a", "10.0.0.0/16", "r-1"),
        peerVpc: { ...site("tencentcloud", "b", "10.1.0.0/16", "r-2"), region: "" },
        bandwidthMbps: 100,
      });
    });
    expect(errorCodes(result)).toEqual(["stack/p INVALID_DOCUMENT"]);
  });

  it("refuses a word that is none of a key's when the construct is built, naming the argument, not a document path", () => {
    const build = () =>
      synthStack((stack) => {
        new Peering(stack, "p", {
          cloud: "tencentcloud",
          vpc: site("tencentcloud", "a", "10.0.0.0/16", "r-1"),
          peerVpc: site("tencentcloud", "b", "10.1.0.0/16", "r-2"),
          bandwidthMbps: 100,
          chargeType: "MONTHLY" as ChargeType,
        });
      });
    expect(build).toThrow(
      '[stack/p] INVALID_ARGUMENT Peering "stack/p" has chargeType "MONTHLY", which is none of the values it takes. Fix: Use one of "POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95", "Postpaid", "Prepaid".',
    );
  });
});

describe("unresolved tokens are skipped, never guessed", () => {
  it("leaves out a VPC whose CIDR is a token, with an info annotation, and raises nothing about it", () => {
    const result = synthStack((stack) => {
      const cidr = new TerraformVariable(stack, "standby_cidr", { type: "string" }).stringValue;
      const a = site("tencentcloud", "a", "10.0.0.0/16", "r-1");
      // Would overlap if the token were guessed as anything in 10.0.0.0/16.
      const b: VpcSite = site("tencentcloud", "b", cidr, "r-2");
      const peering = new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: a,
        peerVpc: b,
        bandwidthMbps: 100,
      });
      new RouteRule(stack, "ab", { cloud: "tencentcloud", vpc: a, peering, destination: cidr });
      new RouteRule(stack, "ba", { cloud: "tencentcloud", vpc: b, peering, destination: "10.0.0.0/16" });
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.infos.join("\n")).toMatch(
      /\[stack\/p\] peerlink did not validate this construct: peerVpc cidrs\[0\] not known until apply/,
    );
  });

  it("skips a route with a token destination without a false MISSING_RETURN_ROUTE for its partner", () => {
    const result = synthStack((stack) => {
      const back = new TerraformVariable(stack, "back", { type: "string" }).stringValue;
      const a = site("tencentcloud", "a", "10.0.0.0/16", "r-1");
      const b = site("tencentcloud", "b", "10.1.0.0/16", "r-2");
      const peering = new Peering(stack, "p", {
        cloud: "tencentcloud",
        vpc: a,
        peerVpc: b,
        bandwidthMbps: 100,
      });
      new RouteRule(stack, "ab", { cloud: "tencentcloud", vpc: a, peering, destination: "10.1.0.0/16" });
      new RouteRule(stack, "ba", { cloud: "tencentcloud", vpc: b, peering, destination: back });
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.infos).toEqual([
      "[stack/ba] peerlink did not validate this construct: destination not known until apply (tokens are never guessed).",
    ]);
  });

  it("treats a token VPC id as an opaque name: same token, same VPC", () => {
    const result = synthStack((stack) => {
      const id = new TerraformVariable(stack, "vpc_id", { type: "string" }).stringValue;
      const a = site("tencentcloud", id, "10.0.0.0/16", "r-1");
      const b = site("tencentcloud", "b", "10.0.0.0/24", "r-2");
      new Peering(stack, "p", { cloud: "tencentcloud", vpc: a, peerVpc: b, bandwidthMbps: 100 });
    });
    expect(errorCodes(result)).toEqual(["stack/p CIDR_OVERLAP"]);
  });
});

describe("turning validation off", () => {
  const overlapping = (stack: TerraformStack) => huaweiPipeline(stack, ["10.0.0.0/16", "10.1.0.0/24"]);

  it("with the context key peerlink:validation = false", () => {
    expect(synthStack(overlapping).errors).not.toEqual([]);
    expect(synthStack(overlapping, { "peerlink:validation": false }).errors).toEqual([]);
  });

  it("with TopologyValidation.of(stack).enabled = false", () => {
    const result = synthStack((stack) => {
      overlapping(stack);
      TopologyValidation.of(stack).enabled = false;
    });
    expect(result.errors).toEqual([]);
  });
});
