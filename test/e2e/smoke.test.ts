import { afterAll, beforeAll, expect, it } from "vitest";
import { changes, PulumiStack, pulumiReady, ROOT } from "./support/pulumi.js";

let stack: PulumiStack;
beforeAll(async () => {
  await pulumiReady();
  stack = new PulumiStack(ROOT);
  stack.env.PEERLINK_STATE = `${stack.stateDir}/peerlink.db`;
  await stack.init();
});
afterAll(() => stack?.close());

it("up then preview shows no changes", async () => {
  const up = await stack.up();
  expect(up.code, up.output).toBe(0);
  const { summary } = await stack.previewSummary();
  expect(changes(summary)).toEqual({});
  expect((await stack.outputs()).peeringStatus).toBe("ACTIVE");
});
