/**
 * cdktf's testing matchers in vitest. `Testing.setupJest()` wires them into Jest only, but the matcher functions
 * themselves (cdktf/lib/testing/matchers) return `{ pass, message }`, which is what `expect.extend` takes in vitest
 * as well; this file registers them once for every test that imports it.
 */
import {
  getToHaveProviderWithProperties,
  getToHaveResourceWithProperties,
  returnMatcherToJest,
  type TerraformConstructor,
} from "cdktf/lib/testing/matchers.js";
import { expect } from "vitest";

expect.extend({
  toHaveResourceWithProperties(
    received: string,
    resourceType: TerraformConstructor,
    properties?: Record<string, unknown>,
  ) {
    return returnMatcherToJest(getToHaveResourceWithProperties()(received, resourceType, properties));
  },
  toHaveProviderWithProperties(
    received: string,
    resourceType: TerraformConstructor,
    properties?: Record<string, unknown>,
  ) {
    return returnMatcherToJest(getToHaveProviderWithProperties()(received, resourceType, properties));
  },
});

interface CdktfMatchers<R = unknown> {
  /** Some resource of `resourceType` has at least these properties (snake_case, as in the JSON). */
  toHaveResourceWithProperties(resourceType: TerraformConstructor, properties?: Record<string, unknown>): R;
  toHaveProviderWithProperties(resourceType: TerraformConstructor, properties?: Record<string, unknown>): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration of Matchers exactly.
  interface Matchers<T = any> extends CdktfMatchers<T> {}
}

/** A Terraform reference to a resource's id, as cdktf writes it: `${type.name.id}`. */
export function tfRef(address: string): string {
  return `\${${address}.id}`;
}

/** A synthesized stack, parsed. */
export interface SynthesizedJson {
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly terraform?: { required_providers?: Record<string, { source: string; version: string }> };
}

/** Every resource of `type` in a synthesized stack. */
export function resourcesOf(json: SynthesizedJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}
