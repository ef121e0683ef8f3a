import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { EXAMPLES, withTransitiveRoute } from "../support/fixtures.js";

/**
 * `peerlink diff --base-ref REV FILE` and `graph FILE --base-ref REV` read the base from a real git repository,
 * made here: what they compare must be what `git show REV:FILE > base.yaml` and the two-file form compare.
 */
const repo = mkdtempSync(join(tmpdir(), "peerlink-base-ref-"));
const outside = mkdtempSync(join(tmpdir(), "peerlink-no-repo-"));
const NETWORK = "net/network.yaml";

function git(...args: string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "user.name=peerlink",
      "-c",
      "user.email=peerlink@example.com",
      "-c",
      "commit.gpgsign=false",
      ...args,
    ],
    { cwd: repo, encoding: "utf8" },
  );
}

function peerlink(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return builtCli(args, { cwd: options.cwd ?? repo, ...(options.env ? { env: options.env } : {}) });
}

const example = readFileSync(join(EXAMPLES, "two-region-dr.yaml"), "utf8");
/** The example with a transitive route: an error. */
const transitive = withTransitiveRoute(example);

beforeAll(() => {
  git("init", "-q");
  mkdirSync(join(repo, "net"));
  writeFileSync(join(repo, NETWORK), example);
  git("add", ".");
  git("commit", "-qm", "the example");
  git("tag", "example");
  writeFileSync(join(repo, NETWORK), transitive);
  mkdirSync(join(repo, "net/old.yaml"));
  writeFileSync(join(repo, "net/old.yaml/keep"), "");
  git("add", ".");
  git("commit", "-qm", "a transitive route");
  git("tag", "transitive");
  // The work tree goes back to the example: against `transitive` it resolves the error, against `example` it
  // changes nothing. Tests that commit more name these tags, never HEAD.
  writeFileSync(join(repo, NETWORK), example);
  writeFileSync(join(repo, "base.yaml"), git("show", `transitive:${NETWORK}`));
});

describe("peerlink diff --base-ref", () => {
  it("compares the file with its version at the revision exactly as with that version written to a file", () => {
    const fromGit = peerlink(["diff", "--base-ref", "transitive", NETWORK]);
    const fromFile = peerlink(["diff", "base.yaml", NETWORK]);
    expect(fromGit.code).toBe(0);
    expect(fromGit.stdout).toContain("Problems: 0 introduced (0 errors), 1 resolved, 0 unchanged");
    expect(fromGit.stdout.split("\n")[0]).toBe(`transitive:${NETWORK} → ${NETWORK}`);
    expect(fromGit.stdout).toBe(fromFile.stdout.replace("base.yaml", `transitive:${NETWORK}`));
  });

  it("places a resolved problem in the revision's text, under the revision's name", () => {
    const { code, stdout } = peerlink(["diff", "--base-ref", "transitive", NETWORK, "--format", "json"]);
    expect(code).toBe(0);
    const [resolved] = JSON.parse(stdout).diagnostics.resolved;
    expect(resolved.code).toBe("TRANSITIVE_ROUTE");
    const line =
      transitive.split("\n").findIndex((l) => l.includes("vpc: vpc-bj, destination: 10.3.0.0/16")) + 1;
    expect(resolved.location).toMatchObject({ file: `transitive:${NETWORK}`, line });
  });

  it("exits 1 when the file brings an error the revision did not have, and finds no change against itself", () => {
    writeFileSync(join(repo, "head.yaml"), transitive);
    git("add", "head.yaml");
    git("commit", "-qm", "head.yaml");
    writeFileSync(join(repo, "head.yaml"), example);
    git("commit", "-qam", "head.yaml fixed");
    writeFileSync(join(repo, "head.yaml"), transitive);
    const worse = peerlink(["diff", "--base-ref", "HEAD", "head.yaml"]);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/\+ error TRANSITIVE_ROUTE routes\[\d+\] head\.yaml:\d+:\d+/);
    const same = peerlink(["diff", "--base-ref", "HEAD~1", "head.yaml"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("Resources: 0 added, 0 removed, 0 changed");
  });

  it("names the file by its path in the repository, from any directory", () => {
    const { code, stdout } = peerlink(["diff", "--base-ref", "example", "network.yaml"], {
      cwd: join(repo, "net"),
    });
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(`example:${NETWORK} → network.yaml`);
    expect(stdout).toContain("Resources: 0 added, 0 removed, 0 changed");
  });

  it("takes a file the revision does not have for a new one: everything it declares is added", () => {
    writeFileSync(join(repo, "new.yaml"), example);
    const { code, stdout } = peerlink(["diff", "--base-ref", "HEAD", "new.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Resources: 8 added, 0 removed, 0 changed");
  });

  it("stops with exit 2 and the fix on a revision git does not know, a directory, or a file outside a work tree", () => {
    const unknown = peerlink(["diff", "--base-ref", "origin/main", NETWORK]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('git revision "origin/main" is not a commit in this repository');
    expect(unknown.stderr).toContain("git fetch origin main:refs/remotes/origin/main");
    // A remote the repository has: its branch, fetched into its remote-tracking ref.
    git("remote", "add", "upstream", outside);
    const remote = peerlink(["diff", "--base-ref", "upstream/release/2", NETWORK]);
    expect(remote.stderr).toContain("git fetch upstream release/2:refs/remotes/upstream/release/2");
    expect(unknown.stderr).toContain(`git show origin/main:${NETWORK} > base.yaml`);
    const directory = peerlink(["diff", "--base-ref", "transitive", "net/old.yaml"]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain("net/old.yaml is a directory at transitive, not a file");
    writeFileSync(join(outside, "network.yaml"), example);
    const stray = peerlink(["diff", "--base-ref", "HEAD", "network.yaml"], { cwd: outside });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain(
      "--base-ref reads network.yaml from git, and it is not in a git work tree",
    );
    const option = peerlink(["diff", "--base-ref", "--output=x", NETWORK]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--base-ref "--output=x" is not a git revision');
  });

  it("wants exactly one file with --base-ref and two without", () => {
    const two = peerlink(["diff", "--base-ref", "HEAD", "base.yaml", NETWORK]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("give only the head file");
    const one = peerlink(["diff", NETWORK]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(`peerlink diff --base-ref origin/main ${NETWORK}`);
  });

  it("holds the revision's version to the file limits, and stops with exit 1 on its schema errors", () => {
    // The work tree's file is the smaller example, so only the revision's version is over the limit.
    const size = Buffer.byteLength(transitive);
    const large = peerlink(["diff", "--base-ref", "transitive", NETWORK], {
      env: { PEERLINK_MAX_DOCUMENT_BYTES: String(size - 1) },
    });
    expect(large.code).toBe(2);
    expect(large.stderr).toContain(
      `DOCUMENT_TOO_LARGE transitive:${NETWORK}: larger than the limit of ${size - 1} bytes`,
    );
    writeFileSync(join(repo, "bad.yaml"), "vpcs: [{ id: 1 }]\n");
    git("add", "bad.yaml");
    git("commit", "-qm", "bad.yaml");
    writeFileSync(join(repo, "bad.yaml"), example);
    const invalid = peerlink(["diff", "--base-ref", "HEAD", "bad.yaml"]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("HEAD:bad.yaml");
  });
});

describe("peerlink graph --base-ref", () => {
  it("draws the change from the revision as from the same version in a file", () => {
    const fromGit = peerlink(["graph", NETWORK, "--base-ref", "transitive"]);
    const fromFile = peerlink(["graph", NETWORK, "--base", "base.yaml"]);
    expect(fromGit.code).toBe(0);
    expect(fromGit.stdout).toBe(fromFile.stdout);
    expect(fromGit.stdout).toContain("vpc-sh"); // removed by the work tree, drawn back in
    const both = peerlink(["graph", NETWORK, "--base", "base.yaml", "--base-ref", "transitive"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give one base");
  });
});
