/**
 * The `createIdentity` input of every resource that creates something: what the resource's URN is made of, known
 * in the program before the resource is registered (project, stack, the parent's type and name, the type, the
 * name), from which the runtime derives the create's client token (runtime/create-token.ts). A `pulumi up` killed
 * mid-create and run again computes the same identity, so the backend returns what the killed run made instead of
 * making a second one (issue 17).
 *
 * A plain string, not an Output of the parent's URN: an input depending on a component would make the resource
 * wait for the component's children, itself among them (a cycle that hangs the program).
 */
import * as pulumi from "@pulumi/pulumi";

export function createIdentity(
  type: string,
  name: string,
  opts: pulumi.CustomResourceOptions | undefined,
): string {
  const parent = opts?.parent;
  const parentPart =
    parent === undefined ? "" : `${pulumi.resourceType(parent)}::${pulumi.resourceName(parent)}`;
  return `${pulumi.getProject()}/${pulumi.getStack()}/${parentPart}/peerlink:${type}/${name}`;
}
