import { randomBytes, randomUUID } from "node:crypto";
import type { Cloud } from "../../core/index.js";

export type IdKind = "vpc" | "rtb" | "pcx" | "rti" | "subnet";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

function shortId(prefix: string): string {
  const bytes = randomBytes(8);
  let text = "";
  for (const byte of bytes) text += ALPHABET[byte % ALPHABET.length];
  return `${prefix}-${text}`;
}

/**
 * Ids shaped like the cloud's own, so that front ends and the emulator's clients see familiar values: Tencent
 * `pcx-1a2b3c4d`-style (8 characters after the prefix), Huawei UUIDs (seed 004), Baidu `peerconn-...`.
 */
export function newId(cloud: Cloud, kind: IdKind): string {
  if (cloud === "huaweicloud") return randomUUID();
  if (cloud === "baiducloud") {
    const prefix = { vpc: "vpc", rtb: "rt", pcx: "peerconn", rti: "rr", subnet: "sbn" }[kind];
    return shortId(prefix);
  }
  return shortId(kind);
}
