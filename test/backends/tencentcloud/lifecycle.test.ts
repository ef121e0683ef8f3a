import { describeLifecycleSuite } from "../shared/lifecycle-suite.js";
import { ACCOUNTS, startTestEmulator } from "./support.js";

describeLifecycleSuite("tencentcloud", async () => {
  const t = await startTestEmulator();
  return {
    cloud: "tencentcloud",
    requester: t.backend(ACCOUNTS[0]!),
    accepter: t.backend(ACCOUNTS[1]!),
    stranger: t.backend(ACCOUNTS[2]!),
    region: "ap-guangzhou",
    otherRegion: "ap-beijing",
    resize: { from: 100, to: 200 },
    // No `reopen` yet: the suite's clientToken case (issue 17) creates its peering with description "dr link" and
    // expects it back, but Tencent peerings have no description (CreateVpcPeeringConnectionRequest and
    // PeerConnection in the SDK's vpc_models.ts have none; the backend refuses one with UNSUPPORTED_OPERATION).
    // With that step left out the case passes here; ./client-token.test.ts runs the same flow over this emulator.
    close: () => t.close(),
  };
});
