/**
 * The two provider resources a cross-account program holds (journey 2: the application account and the network
 * account), each configured for its account on the local state file config `stateFile` names. The program declares
 * nothing else: test/e2e/pulumi-plugin-import.test.ts adopts the estate into it with `pulumi import --file`, whose
 * resources name these providers by URN.
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

class PeerlinkProvider extends pulumi.ProviderResource {
  constructor(name: string, inputs: pulumi.Inputs) {
    super("peerlink", name, inputs);
  }
}

for (const [name, account] of [
  ["app", config.require("appAccount")],
  ["net", config.require("netAccount")],
] as const)
  new PeerlinkProvider(name, { backend: "local", stateFile: config.require("stateFile"), account });
