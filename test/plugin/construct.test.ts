/**
 * The component inputs `construct` receives: what the planner needs (regions, CIDRs, accounts, names) must be
 * plain at construction, what only the children take (a site's VPC id, tags, timeouts, connections) may stay an
 * Output; a planned value unknown at preview is refused with its path, never guessed.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { plainInputs, wholeUnknowns } from "../../provider/plugin/construct.js";

/** An Output whose value is not known (what preview hands construct for a value of a resource not yet made). */
function unknownOutput(): pulumi.Output<string> {
  const OutputClass = pulumi.Output as unknown as new (...args: unknown[]) => pulumi.Output<string>;
  return new OutputClass(
    new Set(),
    Promise.resolve(undefined),
    Promise.resolve(false),
    Promise.resolve(false),
    Promise.resolve(new Set()),
  );
}

describe("plainInputs", () => {
  it("resolves planned values and keeps a site's vpc an Output", async () => {
    const vpc = unknownOutput();
    const args = (await plainInputs(
      {
        primary: pulumi.output({ region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }),
        standby: { vpc, region: pulumi.output("ap-beijing"), cidrs: [pulumi.output("10.1.0.0/16")] },
        bandwidthMbps: pulumi.output(100),
        timeoutSeconds: pulumi.output(60),
      },
      "",
    )) as Record<string, Record<string, unknown>>;
    expect(args.primary).toEqual({ region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    expect(args.standby?.region).toBe("ap-beijing");
    expect(args.standby?.cidrs).toEqual(["10.1.0.0/16"]);
    expect(args.standby?.vpc).toBe(vpc);
    expect(args.bandwidthMbps).toBe(100);
    expect(pulumi.Output.isInstance(args.timeoutSeconds)).toBe(true);
  });

  it("refuses a planned value unknown at preview, naming its path", async () => {
    await expect(
      plainInputs({ standby: { region: "ap-beijing", cidrs: [unknownOutput()] } }, ""),
    ).rejects.toThrow(
      /standby\.cidrs\[0\] is not known until apply\. Fix: Give standby\.cidrs\[0\] as a plain value/,
    );
  });
});

describe("wholeUnknowns", () => {
  it("names the top-level inputs unknown as a whole (the Go SDK's struct with an unknown field), not those with unknown fields", async () => {
    const names = await wholeUnknowns({
      primary: unknownOutput(),
      standby: { vpc: unknownOutput(), region: "ap-beijing", cidrs: ["10.1.0.0/16"] },
      bandwidthMbps: pulumi.output(100),
      tags: unknownOutput(),
    });
    expect(names).toEqual(["primary"]);
  });
});
