/**
 * The create token carried by the resource itself, on clouds whose create calls have no client token (Tencent
 * CreateVpc, CreateVpcPeeringConnection and CreateRoutes; Huawei's VPC, peering and route creates), so that a create
 * repeated by another process (a `pulumi up` after a killed one) finds what the first one made and adopts it
 * instead of making a second resource or failing on the first (issue 17).
 *
 * - Where the resource has tags (Tencent VPCs and peerings), the token is the tag `peerlink-create-token`.
 * - Where it has only a description (Tencent routes, Huawei VPCs, peerings and routes), the token is a suffix
 *   ` [peerlink-create-token:TOKEN]` of the description.
 *
 * Either way the marker is the backend's business: what a backend returns (VpcInfo.tags, PeeringInfo.description,
 * RouteInfo.description) never shows it, so a refresh sees the user's own tags and description.
 */

/** The tag key of the create token (Tencent tag keys: letters, digits and `-`, at most 127 characters). */
export const CREATE_TOKEN_TAG = "peerlink-create-token";

const SUFFIX = /\s?\[peerlink-create-token:([\x21-\x5a\x5c\x5e-\x7e]{1,64})\]$/;

/** `description` with the token appended, or as it is without a token. */
export function markDescription(
  description: string | undefined,
  token: string | undefined,
): string | undefined {
  if (token === undefined) return description;
  const text = description ?? "";
  return `${text}${text === "" ? "" : " "}[${CREATE_TOKEN_TAG}:${token}]`;
}

/** The user's description and the create token a marked description carries. */
export function readDescription(description: string): {
  readonly description: string;
  readonly token?: string;
} {
  const match = SUFFIX.exec(description);
  if (match === null) return { description };
  return { description: description.slice(0, match.index), token: match[1]! };
}

/** `tags` with the token tag added, or as they are without a token. */
export function markTags(
  tags: Readonly<Record<string, string>> | undefined,
  token: string | undefined,
): Readonly<Record<string, string>> | undefined {
  if (token === undefined) return tags;
  return { ...tags, [CREATE_TOKEN_TAG]: token };
}

/** The user's tags and the create token among them. */
export function readTags(tags: Readonly<Record<string, string>>): {
  readonly tags: Readonly<Record<string, string>>;
  readonly token?: string;
} {
  if (!(CREATE_TOKEN_TAG in tags)) return { tags };
  const { [CREATE_TOKEN_TAG]: token, ...rest } = tags;
  return token === undefined ? { tags: rest } : { tags: rest, token };
}
