/**
 * Fixtures for the provider-method tests: a temporary state file, one connection per account (explicit, never
 * from the environment), an out-of-band session on the same file (what another team or the console does), and
 * `up`, which runs a resource the way the engine does on `pulumi up`: check with the old inputs, then create.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { type Backend, LocalStateEngine, type VpcInfo } from "../../../provider/backends/index.js";
import { closeCachedEngines, vpc } from "../../../provider/pulumi/runtime/index.js";

export const GZ = "ap-guangzhou";
export const BJ = "ap-beijing";
export const ACCOUNT_A = "100000000001";
export const ACCOUNT_B = "100000000002";
/** A credential that must never surface in an error, a failure or a non-secret output. */
export const SECRET_KEY = "sk-peerlink-test-5f1c0e9d7a";

type Props = Record<string, unknown>;

export interface Impl {
  check(
    olds: Props,
    news: Props,
  ): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(
    id: string,
    olds: Props,
    news: Props,
  ): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  read(id: string, props: Props): Promise<{ id?: string; props?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete(id: string, props: Props): Promise<void>;
}

/** The runtime's resource objects, seen through one structural type (their results are plain records). */
export function impl(resource: unknown): Impl {
  return resource as Impl;
}

export interface World {
  readonly file: string;
  /** Connections as the resources send them: explicit kind, state file and account. */
  readonly a: Props;
  readonly b: Props;
  /** Out-of-band sessions on the same state file (another process, the console). */
  readonly oobA: Backend;
  readonly oobB: Backend;
  close(): void;
}

export function openWorld(): World {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-pulumi-"));
  const file = join(dir, "state.db");
  const engine = LocalStateEngine.open({ file });
  return {
    file,
    a: { kind: "local", stateFile: file, account: ACCOUNT_A },
    b: { kind: "local", stateFile: file, account: ACCOUNT_B },
    oobA: engine.session(ACCOUNT_A),
    oobB: engine.session(ACCOUNT_B),
    close() {
      closeCachedEngines();
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Applied {
  readonly id: string;
  /** What the engine stores as the resource's inputs (check's result). */
  readonly inputs: Props;
  /** What the engine stores as the resource's outputs (create's result). */
  readonly outs: Props;
}

/** check (with the previous inputs, as the engine passes them) must pass, then create. */
export async function up(resource: unknown, news: Props, oldInputs: Props = {}): Promise<Applied> {
  const r = impl(resource);
  const checked = await r.check(oldInputs, news);
  expect(checked.failures).toEqual([]);
  const created = await r.create(checked.inputs);
  return { id: created.id, inputs: checked.inputs, outs: created.outs };
}

let counter = 0;

/** A VPC of `connection`'s account, created through the Vpc provider. */
export async function vpcOf(
  world: World,
  connection: Props,
  cidrs: string | string[],
  region: string = GZ,
): Promise<Applied & { info: VpcInfo }> {
  counter += 1;
  const applied = await up(vpc, {
    connection,
    name: `vpc-${counter}`,
    region,
    cidrs: typeof cidrs === "string" ? [cidrs] : cidrs,
  });
  const session = connection.account === ACCOUNT_B ? world.oobB : world.oobA;
  return { ...applied, info: await session.describeVpc(applied.id) };
}

/** Every string in `value`, at any depth. */
export function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
