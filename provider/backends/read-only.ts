/**
 * A Backend that can only read: every read call goes to the wrapped backend, every write is refused with
 * READ_ONLY before anything is sent. `peerlink discover` and `peerlink audit` open their sessions through it, so
 * a bug in either can never change an estate. The write methods are listed by name (not "everything that is not a
 * read"): a method added to Backend later must be classified here, or this file no longer compiles.
 */
import type { Backend } from "./backend.js";
import { BackendError } from "./errors.js";

type Method = Exclude<keyof Backend, "kind" | "account">;

const READS = [
  "capabilities",
  "describeVpc",
  "listVpcs",
  "listRouteTables",
  "describeSubnet",
  "listSubnets",
  "describePeering",
  "listPeerings",
  "listRoutes",
  "listBandwidthLimits",
  "close",
] as const satisfies readonly Method[];

const WRITES = [
  "createVpc",
  "deleteVpc",
  "setSecondaryCidrs",
  "createRouteTable",
  "createSubnet",
  "deleteSubnet",
  "createPeering",
  "acceptPeering",
  "rejectPeering",
  "modifyPeering",
  "enablePeering",
  "deletePeering",
  "createRoute",
  "createRoutes",
  "deleteRoute",
  "deleteRoutes",
  "setBandwidthLimit",
  "removeBandwidthLimit",
] as const satisfies readonly Method[];

// Every method is a read or a write, and none is both: a compile error here names the unclassified method.
type Unclassified = Exclude<Method, (typeof READS)[number] | (typeof WRITES)[number]>;
const everyMethodClassified: [Unclassified] extends [never] ? true : Unclassified = true;
void everyMethodClassified;

export function readOnlyRefusal(kind: string, account: string, method: string): BackendError {
  return new BackendError(
    "READ_ONLY",
    `${method} refused: this ${kind} session of account ${account} is read-only (peerlink discover/audit never write).`,
    {
      cloudCode: "ReadOnlySession",
      resource: `${kind}:${account}`,
      value: method,
      fix: "Make changes with pulumi up, tofu apply or the cloud console; discover and audit only read.",
    },
  );
}

/** `backend` with every write refused. Closing the wrapper closes the backend. */
export function readOnlyBackend(backend: Backend): Backend {
  const wrapper: Record<string, unknown> = { kind: backend.kind, account: backend.account };
  for (const name of READS) {
    const method = backend[name] as (...args: unknown[]) => unknown;
    wrapper[name] = (...args: unknown[]) => method.apply(backend, args);
  }
  for (const name of WRITES) {
    wrapper[name] = async () => {
      throw readOnlyRefusal(backend.kind, backend.account, name);
    };
  }
  return wrapper as unknown as Backend;
}
