/**
 * The `createIdentity` input of every resource that creates something: the resource's URN, known in the program
 * before the resource is registered (project, stack, parent URN, type, name), from which the runtime derives the
 * create's client token (runtime/create-token.ts). A `pulumi up` killed mid-create and run again computes the
 * same identity, so the backend returns what the killed run made instead of making a second one (issue 17).
 */
import * as pulumi from "@pulumi/pulumi";

export function createIdentity(
  type: string,
  name: string,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Output<string> {
  const parent: pulumi.Input<string> = opts?.parent?.urn ?? "";
  return pulumi
    .output(parent)
    .apply((parentUrn) => `${pulumi.getProject()}/${pulumi.getStack()}/${parentUrn}/peerlink:${type}/${name}`);
}
