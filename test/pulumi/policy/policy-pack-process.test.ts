/**
 * The pack as `pulumi preview --policy-pack` runs it: @pulumi/pulumi's run-policy-pack loads the pack directory
 * (PulumiPolicy.yaml, package.json with a version, index.js), the PolicyPack serves gRPC and prints its port,
 * and the engine calls AnalyzeStack with the stack's resources. The directory here is a copy of
 * examples/policy-pack whose index.js imports the built module by path (the example imports it by package name).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb.js";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb.js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawProps } from "../../../provider/pulumi/policy/topology-from-stack.js";
import { newPeering, newRoute, newVpc } from "./stack-fixtures.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
let dir: string;
let pack: ChildProcess;
let client: analyzerGrpc.AnalyzerClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peerlink-pack-"));
  for (const file of ["PulumiPolicy.yaml", "package.json"])
    copyFileSync(join(ROOT, "examples/policy-pack", file), join(dir, file));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeFileSync(
    join(dir, "index.js"),
    `import ${JSON.stringify(join(ROOT, "dist/provider/pulumi/policy/index.js"))};\n`,
  );
  pack = spawn(
    process.execPath,
    [join(ROOT, "node_modules/@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."],
    {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  pack.stderr?.on("data", (d) => (stderr += d));
  const port = await new Promise<string>((resolve, reject) => {
    pack.stdout?.on("data", (d) => resolve(String(d).trim()));
    pack.on("exit", (code) => reject(new Error(`policy pack exited ${code}: ${stderr}`)));
  });
  client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 30_000);

afterAll(() => {
  client?.close();
  pack?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the policy pack process (examples/policy-pack)", () => {
  it("reports CIDR_OVERLAP as a mandatory violation over gRPC AnalyzeStack, with unknown ids in the props", async () => {
    const resources = [
      newVpc("app", "ap-guangzhou", ["10.0.0.0/16"]),
      newVpc("db", "ap-guangzhou", ["10.0.128.0/17"]),
      newPeering("app-db", "app", "db"),
      newRoute("app-to-db", "app", "10.0.128.0/17", "app-db"),
    ];
    const request = new analyzerPb.AnalyzeStackRequest();
    request.setResourcesList(
      resources.map((r) => {
        const resource = new analyzerPb.AnalyzerResource();
        resource.setType(r.type);
        resource.setUrn(r.urn);
        resource.setName(r.name);
        resource.setOptions(new analyzerPb.AnalyzerResourceOptions());
        resource.setProperties(Struct.fromJavaScript(rawProps(r.props) as never));
        for (const [key, deps] of Object.entries(r.propertyDependencies)) {
          const d = new analyzerPb.AnalyzerPropertyDependencies();
          d.setUrnsList(deps.map((x) => x.urn));
          resource.getPropertydependenciesMap().set(key, d);
        }
        return resource;
      }),
    );
    const response = await new Promise<analyzerPb.AnalyzeResponse>((resolve, reject) =>
      client.analyzeStack(request, (err, res) => (err ? reject(err) : resolve(res))),
    );
    const diagnostics = response.getDiagnosticsList().map((d) => ({
      policy: d.getPolicyname(),
      level: d.getEnforcementlevel(),
      message: d.getMessage(),
      urn: d.getUrn(),
    }));
    const overlap = diagnostics.find((d) => d.message.includes("CIDR_OVERLAP"));
    expect(overlap).toMatchObject({
      policy: "peerlink-topology-errors",
      level: analyzerPb.EnforcementLevel.MANDATORY,
      urn: resources[2]!.urn,
    });
    expect(diagnostics.every((d) => !d.message.includes("can't run"))).toBe(true);
  });
});
