import { describe, expect, it } from "vitest";
import { schemaKeysAt } from "../../../provider/core/schema-keys.js";
import { bandwidthPolicyInputsSchema } from "../../../provider/pulumi/runtime/bandwidth-policy.js";
import { peeringInputsSchema } from "../../../provider/pulumi/runtime/peering.js";
import { acceptanceInputsSchema } from "../../../provider/pulumi/runtime/peering-acceptance.js";
import { routeRuleInputsSchema } from "../../../provider/pulumi/runtime/route-rule.js";
import { subnetInputsSchema } from "../../../provider/pulumi/runtime/subnet.js";
import { vpcInputsSchema } from "../../../provider/pulumi/runtime/vpc.js";

// A misspelt input's fix reads the schema's keys from its JSON Schema: every resource's schema must give them,
// exactly its shape's keys, or a typo in a Pulumi program would get no "rename" (or a check that throws).
describe("the keys a Pulumi input object may have", () => {
  it.each([
    ["Vpc", vpcInputsSchema],
    ["Subnet", subnetInputsSchema],
    ["Peering", peeringInputsSchema],
    ["PeeringAcceptance", acceptanceInputsSchema],
    ["RouteRule", routeRuleInputsSchema],
    ["BandwidthPolicy", bandwidthPolicyInputsSchema],
  ])("%s: the schema's own keys", (_, schema) => {
    expect(schemaKeysAt(schema, []).sort()).toEqual(Object.keys(schema.shape).sort());
  });
});
