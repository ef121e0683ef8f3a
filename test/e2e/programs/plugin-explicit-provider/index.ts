/**
 * An explicit provider resource (`pulumi:providers:peerlink`) whose inputs, not the stack config, say which state
 * file, account and credential the plugin uses: config `explicitStateFile` names the file; `peerlink:stateFile`
 * (the default provider's) points elsewhere, so a VPC landing in the explicit file proves the provider's inputs
 * reached the plugin's Configure.
 */
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

class PeerlinkProvider extends pulumi.ProviderResource {
  constructor(name: string, inputs: pulumi.Inputs) {
    super("peerlink", name, inputs);
  }
}

class Vpc extends pulumi.CustomResource {
  declare readonly account: pulumi.Output<string>;
  constructor(name: string, inputs: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
    super("peerlink:index:Vpc", name, { ...inputs, vpcId: undefined, account: undefined }, opts);
  }
}

const provider = new PeerlinkProvider("explicit", {
  backend: "local",
  stateFile: config.require("explicitStateFile"),
  account: "200000000002",
  secretKey: config.requireSecret("explicitSecretKey"),
});

const vpc = new Vpc(
  "explicit-vpc",
  { name: "explicit-vpc", region: "ap-guangzhou", cidrs: ["10.8.0.0/16"] },
  { provider },
);

export const account = vpc.account;
