/**
 * The inputs a program may leave out because the runtime fills them in: a Vpc's `cloud` (the backend's cloud; the
 * local backend's VPCs follow Tencent Cloud's rules unless told, backends/local/engine.ts `defaultCloud`) and the
 * `timeoutSeconds` of the resources that wait (their zod schema's default). An input left out and the same input
 * set to its default are one program: the plugin's diff compares both sides with the defaults filled in, and
 * `pulumi import` records the inputs without them, so the program a user writes previews no changes whether it
 * names a default or not.
 */
import type { z } from "zod";
import { canonicalJson } from "../core/canonical-json.js";
import { bandwidthPolicyInputsSchema } from "../pulumi/runtime/bandwidth-policy.js";
import { type Connection, UNKNOWN } from "../pulumi/runtime/index.js";
import { peeringInputsSchema } from "../pulumi/runtime/peering.js";
import { acceptanceInputsSchema } from "../pulumi/runtime/peering-acceptance.js";
import { routeRuleInputsSchema } from "../pulumi/runtime/route-rule.js";
import { subnetInputsSchema } from "../pulumi/runtime/subnet.js";
import { vpcInputsSchema } from "../pulumi/runtime/vpc.js";
import type { ResourceKind } from "./tokens.js";

type Props = Record<string, unknown>;

/** Each kind's runtime input schema: its keys are the inputs, its defaults the runtime's. */
export const INPUT_SCHEMAS: Record<ResourceKind, { readonly shape: Record<string, z.ZodType> }> = {
  vpc: vpcInputsSchema,
  subnet: subnetInputsSchema,
  peering: peeringInputsSchema,
  peeringAcceptance: acceptanceInputsSchema,
  routeRule: routeRuleInputsSchema,
  bandwidthPolicy: bandwidthPolicyInputsSchema,
};

/** The cloud a VPC gets when `createVpc` does not name one: the cloud backend's own, or Tencent's rules locally. */
function defaultCloud(connection: Connection): string {
  return connection.kind === "local" ? "tencentcloud" : connection.kind;
}

/** The value of each input the runtime defaults, for a resource of `kind` on `connection` (UNKNOWN: not known). */
export function defaultInputs(kind: ResourceKind, connection: Connection | typeof UNKNOWN): Props {
  const shape = INPUT_SCHEMAS[kind].shape;
  const defaults: Props = {};
  if ("timeoutSeconds" in shape) defaults.timeoutSeconds = shape.timeoutSeconds?.parse(undefined);
  if (kind === "vpc" && connection !== UNKNOWN) defaults.cloud = defaultCloud(connection as Connection);
  return defaults;
}

/** `props` with every defaulted input it leaves out set to its default. */
export function withDefaults(props: Props, defaults: Props): Props {
  const out: Props = { ...props };
  for (const [key, value] of Object.entries(defaults)) {
    if (out[key] === undefined || out[key] === null) out[key] = value;
  }
  return out;
}

/** `inputs` without the inputs set to their default: what a program declaring the same resource writes. */
export function withoutDefaults(inputs: Props, defaults: Props): Props {
  return Object.fromEntries(
    Object.entries(inputs).filter(
      ([key, value]) => !(key in defaults) || canonicalJson(value) !== canonicalJson(defaults[key]),
    ),
  );
}
