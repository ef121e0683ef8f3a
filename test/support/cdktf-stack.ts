/** Building and synthesizing one stack in a test, with its validation errors and annotations collected. */
import { TerraformStack, Testing } from "cdktf";
import type { VpcSite } from "../../constructs/vpc-site.js";
import type { Cloud } from "../../provider/core/topology-schema.js";
import type { SynthesizedJson } from "./cdktf-matchers.js";

export interface SynthResult {
  readonly stack: TerraformStack;
  /** The JSON text (for the matchers) when the synth succeeded. */
  readonly synth: string | undefined;
  readonly json: SynthesizedJson | undefined;
  /** `[path] CODE message` lines of a failed synth, in cdktf's order. */
  readonly errors: string[];
  /** `[path] text` of every warning annotation. */
  readonly warnings: string[];
  readonly infos: string[];
}

function annotations(stack: TerraformStack, type: string): string[] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === type).map((m) => `[${c.node.path}] ${String(m.data)}`),
    );
}

export function synthStack(
  build: (stack: TerraformStack) => void,
  context: Record<string, unknown> = {},
): SynthResult {
  const app = Testing.app({ context });
  const stack = new TerraformStack(app, "stack");
  build(stack);
  let synth: string | undefined;
  let errors: string[] = [];
  try {
    // Logical ids end in a hash of the construct path; tests name resources by path, so the hash goes.
    synth = Testing.synth(stack, true).replace(/_[0-9A-F]{8}\b/g, "");
  } catch (error) {
    const text = String((error as Error).message);
    if (!text.startsWith("Validation failed")) throw error;
    errors = text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("["));
  }
  return {
    stack,
    synth,
    json: synth === undefined ? undefined : (JSON.parse(synth) as SynthesizedJson),
    errors,
    warnings: annotations(stack, "@cdktf/warn"),
    infos: annotations(stack, "@cdktf/info"),
  };
}

/** The code of each error line: `[path] CODE ...` -> `path CODE`. */
export function errorCodes(result: SynthResult): string[] {
  return result.errors.map((line) => {
    const m = /^\[([^\]]+)\] (\S+)/.exec(line);
    return m ? `${m[1]} ${m[2]}` : line;
  });
}

/** A VPC of `cloud` with one CIDR and a main route table id. */
export function site(
  cloud: Cloud,
  vpcId: string,
  cidr: string | string[],
  region: string,
  extra: Partial<VpcSite> = {},
): VpcSite {
  return {
    vpcId,
    cloud,
    region,
    account: "1",
    cidrs: Array.isArray(cidr) ? cidr : [cidr],
    mainRouteTableId: `rtb-${vpcId}`,
    ...extra,
  };
}
