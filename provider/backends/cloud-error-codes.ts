/**
 * The cloud's own error code for a peerlink code, per cloud: what the local engine puts on a refusal of a VPC of
 * that cloud (a Huawei VPC is refused with Huawei's codes, not Tencent's), and what each emulator protocol sends.
 * The tables are each backend's own (its error-codes file), so a code is named once per cloud.
 */
import type { Cloud } from "../core/index.js";
import { BAIDU_ERRORS } from "./baiducloud/error-codes.js";
import { type BackendCode, TENCENT_CLOUD_CODES } from "./errors.js";
import { HUAWEI_ERRORS } from "./huaweicloud/error-codes.js";

/**
 * Tencent: the API 3.0 code; Huawei: the `NeutronError.type` of the v2.0 peering and route APIs (the refusals the
 * engine makes are about peerings and routes); Baidu: the `code` of its error body.
 */
export function cloudCodeOf(cloud: Cloud, code: BackendCode): string {
  switch (cloud) {
    case "tencentcloud":
      return TENCENT_CLOUD_CODES[code];
    case "huaweicloud":
      return HUAWEI_ERRORS[code].neutronType;
    case "baiducloud":
      return BAIDU_ERRORS[code].code;
  }
}

/**
 * Every code `cloud` may answer a refusal `code` with on the wire: Tencent's API 3.0 code; Huawei's by API family
 * (v2.0 `NeutronError.type`, v1 `code`, v3 `error_code`); Baidu's `code`. What a client that reads the raw answers
 * (the conformance suite's official-SDK layers) matches a cloud code against.
 */
export function wireCodesOf(cloud: Cloud, code: BackendCode): readonly string[] {
  if (cloud !== "huaweicloud") return [cloudCodeOf(cloud, code)];
  const spec = HUAWEI_ERRORS[code];
  return [...new Set([spec.neutronType, spec.vpcCode, spec.v3Code ?? spec.vpcCode])];
}

/** The peerlink codes whose refusal `cloud` answers with `wireCode` (several where a cloud code is shared). */
export function peerlinkCodesOfWire(cloud: Cloud, wireCode: string): BackendCode[] {
  const all = [...Object.keys(TENCENT_CLOUD_CODES)] as BackendCode[];
  return all.filter((code) => wireCodesOf(cloud, code).includes(wireCode));
}
