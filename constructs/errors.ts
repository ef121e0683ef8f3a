/**
 * The CDKTF front end's own problems: what a cloud's Terraform provider cannot express, and what a construct
 * needs to map a topology onto resources. Topology rules are never repeated here; those come from the core with
 * its diagnostic codes. Every message says the cause; every fix says what to do. Codes are stable.
 */
import { PeerlinkError } from "../provider/core/errors.js";

export const CONSTRUCT_ERROR_CODES = {
  UNSUPPORTED_BY_PROVIDER: {
    severity: "error",
    summary: "The cloud's Terraform provider has no resource or argument for a value that was set.",
  },
  MAIN_ROUTE_TABLE_ID_REQUIRED: {
    severity: "error",
    summary: "A route in the main route table on a cloud whose route resource needs the table's id.",
  },
  PROVIDER_REQUIRED: {
    severity: "error",
    summary: "Resources in a second account of the same cloud without a provider for that account.",
  },
  VPC_DECLARATION_CONFLICT: {
    severity: "error",
    summary: "One VPC id described with different cloud, region, account, CIDRs or route tables.",
  },
  CLOUD_MISMATCH: {
    severity: "error",
    summary: "A construct's `cloud` differs from the cloud of the VPC or peering it uses.",
  },
  ACCEPTANCE_MISSING: {
    severity: "warning",
    summary: "A cross-account peering with no PeeringAcceptance in the stack stays pending until accepted.",
  },
} as const satisfies Record<string, { severity: "error" | "warning"; summary: string }>;

export type ConstructErrorCode = keyof typeof CONSTRUCT_ERROR_CODES;

/** A problem one construct has, reported at synth as `[construct path] CODE message Fix: fix`. */
export interface ConstructProblem {
  readonly code: ConstructErrorCode;
  readonly message: string;
  readonly fix: string;
  /**
   * A core diagnostic code that says the same thing; when the core reports it on the same construct, this
   * problem is left out so that one mistake gives one line.
   */
  readonly sameAs?: string;
}

export function problemText(problem: { code: string; message: string; fix: string }): string {
  return `${problem.code} ${problem.message} Fix: ${problem.fix}`;
}

/** Thrown when a construct cannot be built at all (bad arguments to a constructor). */
export class PeerlinkConstructError extends PeerlinkError {
  override readonly name = "PeerlinkConstructError";
}
