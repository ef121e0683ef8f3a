/**
 * The base of a change taken from git (`peerlink diff --base-ref origin/main network.yaml`): the same file as
 * the commit REV holds it, so a reviewer compares a pull request with its target in one command. Git answers
 * itself (`rev-parse`, `cat-file`), so what is compared is exactly what `git show REV:FILE` prints. Written over
 * `child_process` because these are three plumbing calls; a git library would wrap the same calls.
 */
import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { EXIT } from "./exit-codes.js";
import { CliExit } from "./read-topology.js";

/** A file at a revision: its bytes, loaded on demand once its size is known, or absent (new in the change). */
export type RevisionFile =
  | { readonly name: string; readonly size: number; readonly load: () => Buffer }
  | { readonly name: string; readonly absent: true };

interface GitResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

function git(args: readonly string[], cwd: string, input?: string, maxBuffer = 1 << 20): GitResult {
  const result = spawnSync("git", args, {
    cwd,
    maxBuffer,
    // A read-only question: no index refresh, no lock taken beside a running git.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
    ...(input === undefined ? {} : { input }),
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new CliExit(
      EXIT.unreadable,
      code === "ENOENT"
        ? "peerlink: --base-ref reads the base from git, and git is not on PATH (fix: install git, or give the base as a file: git show REV:FILE > base.yaml)"
        : `peerlink: git ${args[0]} failed: ${result.error.message}`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8").trim() };
}

/**
 * How to fetch a remote branch named like `origin/main` so that it resolves: with its remote-tracking ref named, as
 * a clone made with a narrow refspec (actions/checkout's) does not update it from `git fetch origin main` alone.
 */
function fetchCommand(rev: string, remotes: readonly string[]): string {
  const remote = /^([A-Za-z0-9._-]+)\/([A-Za-z0-9._/-]+)$/.exec(rev);
  return remote && remotes.includes(remote[1]!)
    ? `git fetch ${remote[1]} ${remote[2]}:refs/remotes/${remote[1]}/${remote[2]}`
    : "git fetch origin main:refs/remotes/origin/main";
}

function refuse(message: string, fix: string): never {
  throw new CliExit(EXIT.unreadable, `peerlink: ${message} (fix: ${fix})`);
}

/**
 * `file` as commit `rev` holds it. It is shown as `rev:path`, the path from the top of the repository, which is
 * what the same words mean to `git show`.
 */
export function fileAtRevision(file: string, rev: string): RevisionFile {
  // A revision that starts with "-" would be read as an option; one with a newline would end the batch line.
  if (rev === "" || rev.startsWith("-") || /[\n\r\0]/.test(rev))
    refuse(
      `--base-ref ${JSON.stringify(rev)} is not a git revision`,
      "name a branch, tag or commit, e.g. origin/main",
    );
  if (file === "-" || file === "/dev/null")
    refuse(`--base-ref needs the path of the file in the repository, not ${file}`, "name the topology file");
  let dir: string;
  try {
    dir = realpathSync(dirname(resolve(file)));
  } catch {
    refuse(`cannot read ${file}: no such directory`, "name a topology file inside the repository");
  }
  const top = git(["rev-parse", "--show-toplevel"], dir);
  if (top.status !== 0)
    refuse(
      `--base-ref reads ${file} from git, and it is not in a git work tree`,
      "name the file in a git checkout, or give the base as a file: peerlink diff BASE FILE",
    );
  // The directory is resolved (symlinks followed) as git resolves its top level; the file keeps its own name.
  const path = relative(top.stdout.toString("utf8").trim(), resolve(dir, basename(file)))
    .split(sep)
    .join("/");
  if (path === "" || path.startsWith("../") || /[\n\r]/.test(path))
    refuse(`${file} is not a file in the git work tree`, "name the topology file in the checkout");
  const name = `${rev}:${path}`;
  const asFile = `or give the base as a file: git show ${name} > base.yaml`;
  const commit = git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], dir);
  if (commit.status !== 0) {
    const remotes = git(["remote"], dir).stdout.toString("utf8").split("\n").filter(Boolean);
    refuse(
      `git revision "${rev}" is not a commit in this repository`,
      `fetch it first, e.g. ${fetchCommand(rev, remotes)}, since actions/checkout fetches one commit unless fetch-depth is 0; ${asFile}`,
    );
  }
  const sha = commit.stdout.toString("utf8").trim();
  // One line per object: "<sha> <type> <size>", or "<name> missing" when the commit has no such path.
  const check = git(["cat-file", "--batch-check"], dir, `${sha}:${path}\n`);
  const [object, type, size] = check.stdout.toString("utf8").trim().split(" ");
  if (check.status !== 0 || type === undefined) refuse(`git cat-file failed: ${check.stderr}`, asFile);
  if (type === "missing") return { name, absent: true };
  if (type !== "blob")
    refuse(
      `${path} is ${type === "tree" ? "a directory" : `a ${type}`} at ${rev}, not a file`,
      "name the topology file",
    );
  const bytes = Number(size);
  return {
    name,
    size: bytes,
    load: () => {
      const blob = git(["cat-file", "blob", object!], dir, undefined, bytes + 1);
      if (blob.status !== 0) refuse(`git cat-file failed: ${blob.stderr}`, asFile);
      return blob.stdout;
    },
  };
}
