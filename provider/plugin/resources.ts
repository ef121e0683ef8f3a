/**
 * The custom resources' methods in the engine's terms (URNs, secrets on the wire, provider config), over the
 * runtime the dynamic providers run (provider/pulumi/runtime): one implementation of check, diff, create, read,
 * update and delete, with the same plan-time refusals and waits.
 *
 * What the plugin adds around each call:
 * - the connection: the provider's config, with a resource's own `connection` input (as the TypeScript classes
 *   take it) laid over it. The injected config never goes back to the engine, so it is not in any resource's
 *   state; a `connection` the program gave is stored as given (its secrets stay secret, the engine re-marks them).
 * - the create identity: the resource's URN (the dynamic classes compute the same name parts in the program).
 */
import type * as provider from "@pulumi/pulumi/provider/index.js";
import type { Backend } from "../backends/backend.js";
import {
  bandwidthPolicy,
  type Connection,
  openBackend,
  peering,
  peeringAcceptance,
  routeRule,
  subnet,
  UNKNOWN,
  vpc,
} from "../pulumi/runtime/index.js";
import { defaultInputs, INPUT_SCHEMAS, withDefaults, withoutDefaults } from "./defaults.js";
import { importProps, importTarget } from "./import-ids.js";
import { unwrapSecrets } from "./secrets.js";
import { kindOfUrn, type ResourceKind, typeOfUrn } from "./tokens.js";

type Props = Record<string, unknown>;

interface RuntimeMethods {
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: provider.CheckFailure[] }>;
  diff(id: string, olds: Props, news: Props): Promise<provider.DiffResult>;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  read(id: string, props: Props): Promise<{ id?: string; props?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete(id: string, props: Props): Promise<void>;
}

const RUNTIME = {
  vpc,
  subnet,
  peering,
  peeringAcceptance,
  routeRule,
  bandwidthPolicy,
} as unknown as Record<ResourceKind, RuntimeMethods>;

/** The input names of each kind (the runtime's zod schemas), minus what the plugin supplies itself. */
const INPUT_KEYS = Object.fromEntries(
  Object.entries(INPUT_SCHEMAS).map(([kind, schema]) => [
    kind,
    Object.keys(schema.shape).filter((k) => k !== "connection" && k !== "createIdentity"),
  ]),
) as unknown as Record<ResourceKind, readonly string[]>;

/** The kinds whose create is idempotent by a create identity (a PeeringAcceptance or BandwidthPolicy has none). */
const HAS_CREATE_IDENTITY = new Set(
  Object.entries(INPUT_SCHEMAS)
    .filter(([, schema]) => "createIdentity" in schema.shape)
    .map(([kind]) => kind),
);

export interface ReadResult {
  readonly id?: string;
  readonly props?: Props;
  readonly inputs?: Props;
}

export class PluginResources {
  constructor(private readonly connection: () => Connection) {}

  kindOf(urn: string): ResourceKind {
    const kind = kindOfUrn(urn);
    if (kind === undefined) {
      throw new Error(
        `peerlink: unknown resource type "${typeOfUrn(urn)}" (${urn}). Fix: use one of peerlink:index:Vpc, Subnet, Peering, PeeringAcceptance, RouteRule, BandwidthPolicy.`,
      );
    }
    return kind;
  }

  /** The props as the runtime takes them: plain values, the connection, and (when given) the create identity. */
  private toRuntime(props: Props, urn?: string, kind?: ResourceKind): Props {
    const own = props.connection;
    const connection =
      own === UNKNOWN
        ? UNKNOWN
        : { ...this.connection(), ...(own !== null && typeof own === "object" ? (own as Props) : {}) };
    return {
      ...props,
      connection,
      ...(urn !== undefined &&
      kind !== undefined &&
      HAS_CREATE_IDENTITY.has(kind) &&
      props.createIdentity === undefined
        ? { createIdentity: urn }
        : {}),
    };
  }

  /** What the engine stores: the runtime's result without what toRuntime added. */
  private fromRuntime(result: Props | undefined, given: Props): Props {
    const out: Props = { ...(result ?? {}) };
    if ("connection" in given) out.connection = given.connection;
    else delete out.connection;
    if ("createIdentity" in given) out.createIdentity = given.createIdentity;
    else delete out.createIdentity;
    return out;
  }

  async check(urn: string, olds: Props, news: Props): Promise<provider.CheckResult> {
    const kind = this.kindOf(urn);
    const given = plain(news);
    const result = await RUNTIME[kind].check(
      this.toRuntime(plain(olds), urn, kind),
      this.toRuntime(given, urn, kind),
    );
    return { inputs: this.fromRuntime(result.inputs, given), failures: result.failures };
  }

  /** The runtime's diff, with the defaulted inputs filled in on both sides (defaults.ts). */
  async diff(id: string, urn: string, olds: Props, news: Props): Promise<provider.DiffResult> {
    const kind = this.kindOf(urn);
    const [before, after] = [this.toRuntime(plain(olds)), this.toRuntime(plain(news))];
    return RUNTIME[kind].diff(
      id,
      withDefaults(before, defaultInputs(kind, before.connection as Connection)),
      withDefaults(after, defaultInputs(kind, after.connection as Connection)),
    );
  }

  async create(urn: string, inputs: Props): Promise<provider.CreateResult> {
    const kind = this.kindOf(urn);
    const given = plain(inputs);
    const result = await RUNTIME[kind].create(this.toRuntime(given, urn, kind));
    return { id: result.id, outs: this.fromRuntime(result.outs, given) };
  }

  /**
   * Refresh (the state's props) or import (no props: the id says what to read, see import-ids.ts). On import the
   * inputs come back too, so `pulumi import` records what a program declaring the same resource would give.
   */
  async read(
    id: string,
    urn: string,
    props: Props | undefined,
    inputs: Props | undefined,
  ): Promise<ReadResult> {
    const kind = this.kindOf(urn);
    const runtime = RUNTIME[kind];
    const given = plain(props ?? {});
    if (Object.keys(given).length > 0) {
      const result = await runtime.read(id, this.toRuntime(given));
      if (!result.id) return {};
      return {
        id: result.id,
        props: this.fromRuntime(result.props, given),
        ...(inputs !== undefined && Object.keys(inputs).length > 0 ? { inputs } : {}),
      };
    }
    const backend: Backend = await openBackend(this.connection());
    const target = await importTarget(backend, kind, id);
    const result = await runtime.read(target.id, this.toRuntime(importProps(kind, id, target)));
    if (!result.id) return {};
    const read = this.fromRuntime(result.props, {});
    const imported = Object.fromEntries(INPUT_KEYS[kind].filter((k) => k in read).map((k) => [k, read[k]]));
    // Recorded as a program declaring the resource writes it: without the inputs the runtime defaults.
    const recorded = withoutDefaults(imported, defaultInputs(kind, this.connection()));
    return { id: result.id, props: read, inputs: recorded };
  }

  async update(id: string, urn: string, olds: Props, news: Props): Promise<provider.UpdateResult> {
    const kind = this.kindOf(urn);
    const given = plain(news);
    const result = await RUNTIME[kind].update(
      id,
      this.toRuntime(plain(olds)),
      this.toRuntime(given, urn, kind),
    );
    return { outs: this.fromRuntime(result.outs, given) };
  }

  async delete(id: string, urn: string, props: Props): Promise<void> {
    await RUNTIME[this.kindOf(urn)].delete(id, this.toRuntime(plain(props)));
  }
}

function plain(props: Props | undefined): Props {
  return (unwrapSecrets(props ?? {}) ?? {}) as Props;
}
