/**
 * A cloud backend's checks before any call are the core's rules (checkPeeringRequest), never its own: this turns
 * what they find into one BackendError naming every problem, with the code of the first.
 */
import {
  type Cloud,
  type Diagnostic,
  type SubnetCandidate,
  subnetCandidate,
  subnetRefusal,
  subnetShapeProblems,
} from "../../core/index.js";
import type { CreateSubnetInput } from "../backend.js";
import { BackendError } from "../errors.js";

/**
 * Throws when `diagnostics` holds an error (or anything at all with `warnings: "refuse"`, for a cloud whose API has
 * no field for what a warning says is ignored); `cloudCode` says the refusal never reached the cloud.
 */
export function refuseFindings(
  found: readonly Diagnostic[],
  cloudCode: string,
  options: { readonly warnings?: "refuse" | "pass" } = {},
): void {
  const diagnostics = options.warnings === "refuse" ? found : found.filter((d) => d.severity === "error");
  const first = diagnostics[0];
  if (!first) return;
  const message =
    diagnostics.length === 1
      ? first.message
      : `${diagnostics.length} problems: ${diagnostics.map((d, i) => `(${i + 1}) ${d.code}: ${d.message}`).join(" ")}`;
  throw new BackendError(first.code, message, {
    cloudCode,
    resource: first.resource,
    fix: first.fix,
    problems: diagnostics,
  });
}

/**
 * The core's subnet shape rules (subnetShapeProblems: the block, its size and IPv6 at creation on `cloud`) before
 * any call: SUBNET_INVALID naming every problem, `ClientValidation` (never sent). Returns the candidate judged.
 */
export function refuseSubnetShape(cloud: Cloud, input: CreateSubnetInput): SubnetCandidate {
  const candidate = subnetCandidate(input);
  const problems = subnetShapeProblems(cloud, candidate);
  if (problems.length === 0) return candidate;
  const { message, value, fix } = subnetRefusal(problems);
  throw new BackendError("SUBNET_INVALID", message, {
    cloudCode: "ClientValidation",
    resource: `subnet of vpc ${input.vpcId}`,
    value,
    fix,
  });
}
