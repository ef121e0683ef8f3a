/**
 * The DR lifecycle on the real Pulumi CLI through the huaweicloud backend and the emulator's Huawei protocol,
 * cross-account (test/e2e/support/dr-emulator-lifecycle.ts; Tencent's is test/e2e/pulumi-emulator.test.ts).
 */
import { describeDrLifecycle } from "./support/dr-emulator-lifecycle.js";

describeDrLifecycle("huaweicloud");
