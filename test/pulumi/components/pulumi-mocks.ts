/**
 * Pulumi mocks for the component tests: every registration is recorded with its inputs, parent and dependencies
 * (the latter read off the registration request, which the Mocks interface does not pass on), and the peerlink
 * resources get the outputs their providers would give: ids, ACTIVE or PENDING status.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly parent: string;
  readonly inputs: Record<string, unknown>;
  /** URNs of the resources it depends on (dependsOn and the resources of its input Outputs). */
  readonly dependencies: readonly string[];
}

/** The kind of a peerlink dynamic resource, from its type token (`pulumi-nodejs:dynamic/peerlink:Peering`). */
export function kindOf(r: Pick<Registered, "type">): string {
  return r.type.split(":").at(-1) ?? r.type;
}

function outputsFor(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type.split(":").at(-1)) {
    case "Vpc":
      return {
        vpcId: `vpc-${name}`,
        account: (inputs.connection as { account?: string } | undefined)?.account ?? "local",
        mainRouteTableId: `rtb-${name}-main`,
        routeTableIds: Object.fromEntries(
          ["main", ...((inputs.routeTables as string[] | undefined) ?? [])].map((t) => [
            t,
            `rtb-${name}-${t}`,
          ]),
        ),
      };
    case "Peering":
      return { peeringId: `pcx-${name}`, status: inputs.peerAccount === undefined ? "ACTIVE" : "PENDING" };
    case "PeeringAcceptance":
      return { status: "ACTIVE" };
    case "RouteRule":
      return { routeId: `route-${name}`, effectiveRouteTableId: inputs.routeTableId ?? "main" };
    default:
      return {};
  }
}

/** Installs the mocks; returns the live list of registrations. */
export async function installMocks(): Promise<Registered[]> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const outputs = outputsFor(args.type, args.name, args.inputs);
        // As the providers do: a VPC's id is its vpcId, a peering's its peeringId.
        const id = outputs.vpcId ?? outputs.peeringId ?? `${args.name}-id`;
        return { id: String(id), state: { ...args.inputs, ...outputs } };
      },
      call: (args) => args.inputs,
    },
    "peerlink",
    "test",
    false,
  );
  // biome-ignore lint/suspicious/noExplicitAny: the mock monitor is untyped inside @pulumi/pulumi.
  const monitor = (pulumi.runtime as any).getMonitor();
  const register = monitor.registerResource.bind(monitor);
  // biome-ignore lint/suspicious/noExplicitAny: gRPC request and callback of the mock monitor.
  monitor.registerResource = (req: any, callback: (err: unknown, res: any) => void) =>
    register(req, (err: unknown, res: { getUrn(): string } | undefined) => {
      if (!err && res)
        registered.push({
          type: req.getType(),
          name: req.getName(),
          urn: res.getUrn(),
          parent: req.getParent(),
          inputs: req.getObject().toJavaScript(),
          dependencies: req.getDependenciesList(),
        });
      callback(err, res);
    });
  return registered;
}

/** The value of an Output (known under these mocks). */
export function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Waits until the registrations settle (the component's own URN resolves last of its tree's first pass). */
export async function settle(...resources: pulumi.Resource[]): Promise<void> {
  await Promise.all(resources.map((r) => outputValue(r.urn)));
  // Children register in later turns than the component itself; let them finish.
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}
