/**
 * A raw BCE v1 client for black-box tests of the emulator's Baidu protocol: fetch, signed with bce-auth-v1 by the
 * official SDK's signer (as provider/backends/baiducloud signs), answering the status and the parsed body.
 */
import { bceDate, signBceRequest } from "../../../provider/backends/baiducloud/bce-signer.js";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";

export interface BceAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: wire JSON, asserted field by field
  readonly body: any;
}

export function bceClient(
  endpoint: string,
  account: EmulatorAccount,
  options: { secretKey?: string; skewMs?: number } = {},
) {
  return async (
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    params: Record<string, string> = {},
    body?: unknown,
  ): Promise<BceAnswer> => {
    const url = new URL(`${endpoint}${path}`);
    url.search = new URLSearchParams(params).toString();
    const now = Date.now() + (options.skewMs ?? 0);
    const headers: Record<string, string> = {
      host: url.host,
      "content-type": "application/json; charset=utf-8",
      "x-bce-date": bceDate(now),
    };
    headers.authorization = signBceRequest(account.secretId, options.secretKey ?? account.secretKey, {
      method,
      path,
      params,
      headers,
      timestamp: Math.floor(now / 1000),
    });
    const res = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === "" ? undefined : JSON.parse(text) };
  };
}
