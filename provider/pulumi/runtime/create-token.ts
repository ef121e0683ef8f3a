/**
 * The client token of a create, derived from what Pulumi knows before the create runs, so that a `pulumi up`
 * killed mid-create and run again sends the same token and the backend hands back what the first run made
 * (issue 17; each backend keeps the token its cloud's way, see Backend `clientToken`).
 *
 * - `createIdentity` (an input the resource classes set, see ../create-identity.ts) names the resource within its
 *   stack: a hash of the project, stack, parent URN, type and name, which is the resource's URN. The same program
 *   run again gives the same identity; another resource, stack or project gives another.
 * - The request itself is hashed in too: a replacement (new parameters, same URN) is a new request with a new
 *   token, so it never collides with the resource it replaces, and a rerun of the same request gets the same one.
 *
 * Without an identity (inputs from an older peerlink, or a caller of the runtime without one) there is no token
 * and a create behaves as before.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../../core/canonical-json.js";

/** The input every created resource kind carries (never sent to a cloud as it is; only its hash is). */
export const createIdentitySchema = z.string().min(1).max(512).optional();

/** At most 64 printable ASCII characters, the tightest token rule of the clouds (Baidu clientToken, seed 001). */
export function createTokenOf(identity: string | undefined, request: unknown): string | undefined {
  if (identity === undefined) return undefined;
  const digest = createHash("sha256")
    .update(identity)
    .update("\u0000")
    .update(canonicalJson(request))
    .digest("hex");
  return `pl-${digest.slice(0, 40)}`;
}
