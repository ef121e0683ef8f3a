/**
 * The plugin installed the Pulumi way (issue 13): scripts/plugin-package.mjs builds the self-contained tarball,
 * `pulumi plugin install resource peerlink <version> --file <tarball>` installs it into the stack's scratch
 * PULUMI_HOME, and a program whose Pulumi.yaml names no plugin path runs up, a no-change preview and destroy on
 * it. Ambient plugins (a pulumi-resource-peerlink on PATH) are ignored, so only the installed copy can serve.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePlugin } from "../../scripts/plugin-package.mjs";
import { snapshot } from "./support/local.js";
import { PulumiStack, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test", "e2e", "programs", "plugin-installed");

describe("provider plugin installed with pulumi plugin install --file", () => {
  let stack: PulumiStack;
  let stateFile: string;
  let tarball: { file: string; version: string; bytes: number };

  beforeAll(async () => {
    stack = new PulumiStack(PROGRAM, undefined, { PULUMI_IGNORE_AMBIENT_PLUGINS: "true" });
    stateFile = join(stack.stateDir, "installed.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    tarball = packagePlugin({ outDir: join(stack.stateDir, "dist") });
    await stack.init({ "peerlink:stateFile": stateFile });
  });
  afterAll(() => stack?.close());

  it("installs the tarball into PULUMI_HOME", async () => {
    const install = await stack.run([
      "plugin",
      "install",
      "resource",
      "peerlink",
      tarball.version,
      "--file",
      tarball.file,
    ]);
    expect(install.code, install.output).toBe(0);
    const home = stack.env.PULUMI_HOME ?? "";
    const dir = join(home, "plugins", `resource-peerlink-v${tarball.version}`);
    expect(existsSync(join(dir, "pulumi-resource-peerlink"))).toBe(true);
    const listed = await stack.ok(["plugin", "ls", "--json"]);
    const plugins = JSON.parse(listed.stdout) as Array<{ name: string; kind: string; version: string }>;
    expect(plugins).toContainEqual(
      expect.objectContaining({ name: "peerlink", kind: "resource", version: tarball.version }),
    );
  });

  it("up runs the program on the installed plugin, without a plugin path", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    expect((await stack.outputs()).status).toBe("ACTIVE");
    const state = await snapshot(stateFile, "local");
    expect(state.vpcs.map((v) => v.name).sort()).toEqual(["inst-bj", "inst-gz"]);
  });

  it("previews no changes, then destroys", async () => {
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    expect((await snapshot(stateFile, "local")).vpcs).toEqual([]);
  });
});
