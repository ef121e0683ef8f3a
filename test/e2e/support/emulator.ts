/**
 * The e2e side of the emulator: a PulumiStack that records every command's output (so a test can check that none
 * printed a secret), the engine events of `--json` commands, and a view of one emulator account through Tencent's
 * official CommonClient (the same black-box access test/emulator/support.ts gives the emulator's own tests).
 */
import type {
  DescribeRouteTablesResponse,
  DescribeVpcPeeringConnectionsResponse,
  DescribeVpcsResponse,
  WirePeerConnection,
  WireRoute,
  WireVpc,
} from "../../../provider/backends/tencentcloud/wire-types.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";
import { tencentClient } from "../../emulator/support.js";
import { type CommandResult, nameOf, PulumiStack, parseEngineEvents, parsePreview } from "./pulumi.js";

export interface RecordedCommand {
  readonly args: readonly string[];
  readonly result: CommandResult;
}

/** A PulumiStack whose every `pulumi` command (through `run`, hence `ok`, `up`, `outputs`...) is kept. */
export class RecordingPulumiStack extends PulumiStack {
  readonly commands: RecordedCommand[] = [];

  override async run(args: string[], options: { env?: Record<string, string> } = {}): Promise<CommandResult> {
    const result = await super.run(args, options);
    this.commands.push({ args, result });
    return result;
  }
}

/**
 * The stack config of the emulator programs (`peerlinkE2e:*`): the emulator's URL and two accounts, alice and bob,
 * their keys as secrets, plus any other plaintext keys the program reads (`kind` for kill-emulator).
 */
export async function setEmulatorConfig(
  stack: PulumiStack,
  endpoint: string,
  accounts: { readonly alice: EmulatorAccount; readonly bob: EmulatorAccount },
  plaintext: Readonly<Record<string, string>> = {},
): Promise<void> {
  const plain = { ...plaintext, endpoint, aliceAccount: accounts.alice.id, bobAccount: accounts.bob.id };
  const secret = {
    aliceSecretId: accounts.alice.secretId,
    aliceSecretKey: accounts.alice.secretKey,
    bobSecretId: accounts.bob.secretId,
    bobSecretKey: accounts.bob.secretKey,
  };
  await stack.ok([
    "config",
    "set-all",
    "--stack",
    stack.stack,
    ...Object.entries(plain).flatMap(([key, value]) => ["--plaintext", `peerlinkE2e:${key}=${value}`]),
    ...Object.entries(secret).flatMap(([key, value]) => ["--secret", `peerlinkE2e:${key}=${value}`]),
  ]);
}

/** What one `--json` engine run (`pulumi refresh --json`, `up --json`) did, by resource name. */
export interface EngineRun {
  /** The summary event's resource changes, e.g. `{ same: 7, delete: 1 }`. */
  readonly summary: Record<string, number>;
  /** The op of every resource's outputs event ("same", "delete", "update", "create"...), by resource name. */
  readonly ops: Readonly<Record<string, string>>;
}

/** Parses the engine events (one JSON object per line) that `pulumi refresh|up|destroy --json` prints. */
export function engineRun(stdout: string): EngineRun {
  const { summary, steps } = parseEngineEvents(stdout);
  return { summary, ops: Object.fromEntries(steps.map((s) => [nameOf(s.urn), s.op])) };
}

/** What `pulumi preview --json` (one JSON document) plans, in the same shape. */
export function previewRun(stdout: string): EngineRun {
  const { summary, steps } = parsePreview(stdout);
  return { summary, ops: Object.fromEntries(steps.map((s) => [nameOf(s.urn), s.op])) };
}

/** The resource names a run reports with `op`. */
export function resourcesWith(run: EngineRun, op: string): string[] {
  return Object.entries(run.ops)
    .filter(([, o]) => o === op)
    .map(([name]) => name)
    .sort();
}

/** One account of the emulator, in one region, seen through the official Tencent Cloud SDK. */
export class TencentAccountView {
  constructor(
    readonly url: string,
    readonly account: EmulatorAccount,
    readonly region: string,
  ) {}

  #api() {
    return tencentClient(this.url, this.account, this.region);
  }

  async vpcs(region = this.region): Promise<WireVpc[]> {
    const api = tencentClient(this.url, this.account, region);
    return [...((await api.request("DescribeVpcs", {})) as DescribeVpcsResponse).VpcSet];
  }

  /** The peering as this account sees it, or undefined when it does not see it at all. */
  async peering(id: string): Promise<WirePeerConnection | undefined> {
    const found = (await this.#api().request("DescribeVpcPeeringConnections", {
      PeeringConnectionIds: [id],
    })) as DescribeVpcPeeringConnectionsResponse;
    return found.PeerConnectionSet.find((p) => p.PeeringConnectionId === id);
  }

  /** Every peering this account sees, in any state. */
  async peerings(): Promise<WirePeerConnection[]> {
    const found = (await this.#api().request("DescribeVpcPeeringConnections", {
      Limit: 100,
    })) as DescribeVpcPeeringConnectionsResponse;
    return [...found.PeerConnectionSet];
  }

  /** The routes of one route table, or every route of the account's route tables in `region`. */
  async routes(table?: string, region = this.region): Promise<WireRoute[]> {
    const api = tencentClient(this.url, this.account, region);
    const found = (await api.request(
      "DescribeRouteTables",
      table === undefined ? {} : { RouteTableIds: [table] },
    )) as DescribeRouteTablesResponse;
    return found.RouteTableSet.flatMap((t) => t.RouteSet ?? []);
  }

  async deleteRoute(table: string, routeItemId: string): Promise<void> {
    await this.#api().request("DeleteRoutes", {
      RouteTableId: table,
      Routes: [{ RouteItemId: routeItemId }],
    });
  }

  async deletePeering(id: string): Promise<void> {
    await this.#api().request("DeleteVpcPeeringConnection", { PeeringConnectionId: id });
  }
}

/** A route as the tests compare it: id, destination, gateway. */
export function routeSummary(route: WireRoute): [string, string | undefined, string, string] {
  return [route.RouteItemId, route.DestinationCidrBlock, route.GatewayType, route.GatewayId];
}
