/**
 * Shared fixtures for the local backend's black-box tests: a fresh engine on a manual clock, three accounts, VPC
 * and peering factories, and one assertion for refusals (peerlink code, Tencent cloud code, the values the message
 * must name, and a fix).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import {
  type Backend,
  BackendError,
  type CreatePeeringInput,
  type CreateVpcInput,
  type LocalBackend,
  LocalStateEngine,
  type LocalStateOptions,
  ManualClock,
  type PeeringInfo,
  type VpcInfo,
} from "../../../provider/backends/index.js";
import type { Cloud } from "../../../provider/core/index.js";

export const GZ = "ap-guangzhou";
export const BJ = "ap-beijing";
export const SH = "ap-shanghai";

export interface World {
  readonly engine: LocalStateEngine;
  readonly clock: ManualClock;
  /** Three accounts on one state file. */
  readonly a: LocalBackend;
  readonly b: LocalBackend;
  readonly c: LocalBackend;
  close(): void;
}

/** A fresh engine; in memory unless `file` is given (see `tempStateFile`). */
export function openWorld(options: Omit<LocalStateOptions, "clock"> = {}): World {
  const clock = new ManualClock();
  const engine = LocalStateEngine.open({ file: ":memory:", ...options, clock });
  return {
    engine,
    clock,
    a: engine.session("100000000001"),
    b: engine.session("100000000002"),
    c: engine.session("100000000003"),
    close: () => engine.close(),
  };
}

/** A state file path in a fresh temporary directory, and a cleanup that removes the directory. */
export function tempStateFile(name = "state.db"): { file: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-local-"));
  return { file: join(dir, name), dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let counter = 0;

/** A VPC of `backend`'s account; region Guangzhou and cloud Tencent unless told. */
export function vpc(
  backend: Backend,
  cidrs: string | readonly string[],
  region: string = GZ,
  extra: Partial<Omit<CreateVpcInput, "cidrs" | "region">> & { cloud?: Cloud } = {},
): Promise<VpcInfo> {
  counter += 1;
  return backend.createVpc({
    name: `vpc-${counter}`,
    region,
    cidrs: typeof cidrs === "string" ? [cidrs] : cidrs,
    ...extra,
  });
}

/** A peering from `vpcId` (owned by `requester`) to `peer` (owned by `accepter`). */
export function peer(
  requester: Backend,
  from: VpcInfo,
  to: VpcInfo,
  extra: Partial<CreatePeeringInput> = {},
): Promise<PeeringInfo> {
  counter += 1;
  return requester.createPeering({
    vpcId: from.id,
    peerVpcId: to.id,
    ...(to.account === requester.account ? {} : { peerAccount: to.account }),
    name: `pcx-${counter}`,
    ...(from.region === to.region ? {} : { bandwidthMbps: 100 }),
    ...extra,
  });
}

/** The two variants every lifecycle test runs in, side by side. */
export type Variant = "same-account" | "cross-account";
export const VARIANTS: readonly Variant[] = ["same-account", "cross-account"];

export interface Pair {
  readonly requester: LocalBackend;
  readonly accepter: LocalBackend;
  readonly vpc: VpcInfo;
  readonly peerVpc: VpcInfo;
}

/** Two disjoint VPCs, in one account or in two. */
export async function pair(world: World, variant: Variant, peerRegion: string = GZ): Promise<Pair> {
  const accepter = variant === "same-account" ? world.a : world.b;
  return {
    requester: world.a,
    accepter,
    vpc: await vpc(world.a, "10.0.0.0/16"),
    peerVpc: await vpc(accepter, "10.1.0.0/16", peerRegion),
  };
}

/** A cross-account peering accepted by the accepter: ACTIVE. */
export async function activePeering(world: World, variant: Variant, peerRegion: string = GZ) {
  const p = await pair(world, variant, peerRegion);
  let peering = await peer(p.requester, p.vpc, p.peerVpc);
  if (peering.status === "PENDING") peering = await p.accepter.acceptPeering(peering.id);
  expect(peering.status).toBe("ACTIVE");
  return { ...p, peering };
}

export interface Refusal {
  readonly code: string;
  readonly cloudCode: string;
  /** Substrings the message must contain: the resource ids and offending values. */
  readonly mentions?: readonly string[];
}

/** Asserts that `promise` rejects with a BackendError carrying both codes, naming `mentions`, with a fix. */
export async function expectRefusal(promise: Promise<unknown>, expected: Refusal): Promise<BackendError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, "the call should have been refused").toBeInstanceOf(BackendError);
  const error = caught as BackendError;
  expect({ code: error.code, cloudCode: error.cloudCode }).toEqual({
    code: expected.code,
    cloudCode: expected.cloudCode,
  });
  for (const text of expected.mentions ?? []) expect(error.message).toContain(text);
  expect(error.message).toMatch(/ Fix: \S/);
  expect(error.fix ?? "").not.toBe("");
  return error;
}

/** Every peering visible to `backend`, by id. */
export async function peeringIds(backend: Backend): Promise<string[]> {
  const page = await backend.listPeerings({}, { limit: 1000 });
  return page.items.map((p) => p.id);
}

/** The main route table of a VPC. */
export function mainTable(info: VpcInfo): string {
  const table = info.routeTables.find((t) => t.main);
  if (!table) throw new Error(`VPC ${info.id} has no main route table`);
  return table.id;
}
