/**
 * A Tencent Cloud API 3.0 error: rendered as HTTP 200 with `{"Response": {"Error": {"Code", "Message"},
 * "RequestId"}}`, as every API 3.0 product documents it ("Error Codes" page of each product, e.g.
 * https://www.tencentcloud.com/document/product/1209/56023). The codes used here are the common ones of that
 * page (AuthFailure.*, InvalidAction, NoSuchVersion, MissingParameter, UnknownParameter, InvalidParameter,
 * RequestLimitExceeded, InternalError) and the VPC ones of tencentcloud-sdk-python-vpc 3.1.193,
 * tencentcloud/vpc/v20170312/errorcodes.py.
 */
export class TencentApiError extends Error {
  override readonly name = "TencentApiError";
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export function tencentBody(response: Record<string, unknown>, requestId: string): string {
  return JSON.stringify({ Response: { ...response, RequestId: requestId } });
}

export function tencentErrorBody(code: string, message: string, requestId: string): string {
  return tencentBody({ Error: { Code: code, Message: message } }, requestId);
}
