/**
 * What the local-backend e2e tests need besides the Pulumi harness: short sessions on a stack's SQLite state file
 * (to look at what really exists, and to change it out of band as another tool or a colleague would), and the
 * example policy pack's directory.
 */
import { existsSync, lstatSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import type { LocalBackend, PeeringInfo, RouteInfo, VpcInfo } from "../../../provider/backends/index.js";
import { LocalStateEngine } from "../../../provider/backends/index.js";
import { ROOT } from "./pulumi.js";

export { type EngineReport, type EngineStep, nameOf, parseEngineEvents } from "./pulumi.js";

/** Runs `fn` with a session of `account` on the state file, closing the file afterwards (Pulumi runs next). */
export async function withLocal<T>(
  file: string,
  account: string,
  fn: (backend: LocalBackend) => Promise<T>,
): Promise<T> {
  const engine = LocalStateEngine.open({ file });
  try {
    return await fn(engine.session(account));
  } finally {
    engine.close();
  }
}

export interface LocalSnapshot {
  readonly vpcs: readonly VpcInfo[];
  /** Every peering the account is a side of, DELETED and REJECTED ones included (they stay visible). */
  readonly peerings: readonly PeeringInfo[];
  /** The routes of every route table of the account's VPCs. */
  readonly routes: readonly RouteInfo[];
}

/** What `account` sees in the state file; empty when the file was never created (nothing ever ran against it). */
export async function snapshot(file: string, account: string): Promise<LocalSnapshot> {
  if (!existsSync(file)) return { vpcs: [], peerings: [], routes: [] };
  return withLocal(file, account, async (backend) => {
    const vpcs = await backend.listVpcs();
    const peerings = (await backend.listPeerings({}, { limit: 1000 })).items;
    const routes: RouteInfo[] = [];
    for (const vpc of vpcs)
      for (const table of vpc.routeTables) routes.push(...(await backend.listRoutes(table.id)));
    return { vpcs, peerings, routes };
  });
}

/** Peerings that still count (neither DELETED nor REJECTED). */
export function livePeerings(peerings: readonly PeeringInfo[]): PeeringInfo[] {
  return peerings.filter((p) => p.status !== "DELETED" && p.status !== "REJECTED");
}

/** The example policy pack, with the link `npm install` there would create for its `file:../..` dependency. */
export function policyPackDir(): string {
  const dir = join(ROOT, "examples", "policy-pack");
  const link = join(dir, "node_modules", "peerlink");
  try {
    lstatSync(link);
  } catch {
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(join("..", "..", ".."), link, "dir");
  }
  return dir;
}
