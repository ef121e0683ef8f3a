/**
 * API 3.0 parameters sent flat, as a GET query string or a form body: `VpcIds.0=vpc-1`,
 * `Filters.0.Name=vpc-id&Filters.0.Values.0=vpc-1`, `Routes.1.GatewayId=pcx-1` (the SDKs' `_format_params` in
 * tencentcloud-sdk-python-common 3.1.195 abstract_client.py: a list element is `<name>.<index>`, an object member
 * `<name>.<member>`). They are rebuilt into the JSON shape a POST body has, so one Params reader serves every
 * request form. Leaf values stay strings: Params accepts numeric strings where it wants integers.
 */
import { TencentApiError } from "./api-error.js";

type Node = { [key: string]: Node | string };

function conflict(name: string): TencentApiError {
  return new TencentApiError(
    "InvalidParameter",
    `The parameter \`${name}\` is given both as a value and as a list or object.`,
  );
}

/** An object whose every key is an index becomes the array of its values in index order. */
function arraysOf(node: Node | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  const values = Object.fromEntries(keys.map((k) => [k, arraysOf(node[k] as Node | string)]));
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k)))
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => values[k]);
  return values;
}

export function unflattenParams(entries: Iterable<readonly [string, string]>): Record<string, unknown> {
  const root: Node = Object.create(null) as Node;
  for (const [name, value] of entries) {
    const path = name.split(".");
    let node = root;
    for (const [i, segment] of path.entries()) {
      if (segment === "")
        throw new TencentApiError("InvalidParameter", `The parameter name \`${name}\` is malformed.`);
      const last = i === path.length - 1;
      const existing = node[segment];
      if (last) {
        if (existing !== undefined) throw conflict(name);
        node[segment] = value;
      } else {
        if (typeof existing === "string") throw conflict(name);
        const next = existing ?? (Object.create(null) as Node);
        node[segment] = next;
        node = next;
      }
    }
  }
  return arraysOf(root) as Record<string, unknown>;
}
