/**
 * Drives the emulator's Huawei protocol through the official SDK (@huaweicloud/huaweicloud-sdk-vpc VpcClient with
 * the core's BasicCredentials, AK/SK signing), as a black box over HTTP.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { VpcClient } from "@huaweicloud/huaweicloud-sdk-vpc";
import type { EmulatorAccount } from "../../../provider/emulator/protocol.js";

export interface ClientOptions {
  /** Hand every answer back instead of throwing, to read the raw error body. */
  readonly raw?: boolean;
  /** Sign with this secret key instead of the account's. */
  readonly secretKey?: string;
  /** Another project id in the path / X-Project-Id. */
  readonly projectId?: string;
}

export function vpcClient(
  endpoint: string,
  account: EmulatorAccount,
  options: ClientOptions = {},
): VpcClient {
  const credentials = new BasicCredentials()
    .withAk(account.secretId)
    .withSk(options.secretKey ?? account.secretKey)
    .withProjectId(options.projectId ?? account.id);
  const builder = VpcClient.newBuilder().withCredential(credentials).withEndpoint(endpoint);
  if (options.raw) builder.withOptions({ axiosRequestConfig: { validateStatus: () => true } });
  return builder.build();
}

/** What the SDK throws for an HTTP error (core exception/ClientRequestException.js). */
export interface SdkError {
  readonly httpStatusCode?: number;
  readonly errorCode?: string;
  readonly errorMsg?: string;
}

export async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("the call should have failed");
}

export interface NeutronErrorBody {
  readonly httpStatusCode: number;
  readonly NeutronError?: { readonly type: string; readonly message: string; readonly detail: string };
  readonly code?: string;
  readonly message?: string;
  readonly error_code?: string;
  readonly error_msg?: string;
}

/** The raw answer of a `raw` client, which the SDK returns as an object with `httpStatusCode`. */
export function rawBody(response: unknown): NeutronErrorBody {
  return response as NeutronErrorBody;
}

/** Wire shapes (the SDK's models keep snake_case fields private). */
export interface WireVpcInfo {
  readonly vpc_id: string;
  readonly tenant_id: string;
}
export interface WirePeering {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly description: string;
  readonly request_vpc_info: WireVpcInfo;
  readonly accept_vpc_info: WireVpcInfo;
  readonly created_at: string;
  readonly updated_at: string;
}
export interface WireVpc {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly status: string;
  readonly tenant_id: string;
  readonly routes: readonly { destination: string; nexthop: string }[];
}
export interface WireRoute {
  readonly id: string;
  readonly destination: string;
  readonly nexthop: string;
  readonly type: string;
  readonly vpc_id: string;
  readonly tenant_id: string;
}
