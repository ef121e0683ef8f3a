/**
 * `peerlink/pulumi/policy`: the CrossGuard policy pack. Importing this module serves the pack (that is what
 * `pulumi preview --policy-pack <dir>` runs, from the directory's index.js); for the policies themselves without
 * serving anything, import `policies.js` / `topology-from-stack.js`.
 */
import { PolicyPack } from "@pulumi/policy";
import { peerlinkPolicies } from "./policies.js";

export * from "./policies.js";
export * from "./topology-from-stack.js";

export const peerlinkPolicyPack = new PolicyPack("peerlink", { policies: [...peerlinkPolicies] });
