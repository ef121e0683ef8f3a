/**
 * `pulumi up` killed mid-run, the way a CI runner's timeout or a closing laptop ends it: the CLI and everything it
 * started (language host, program, providers: the whole process tree) get SIGKILL the moment the k-th resource's
 * "creating" line appears, while that create is in flight. Then what the CLI advises: `pulumi cancel` when the
 * stack is still locked, and `pulumi up` again (issue 17).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { PulumiStack } from "./pulumi.js";

/**
 * A stack whose file state survives a SIGKILL. Pulumi's DIY backend writes the checkpoint atomically (a temp file
 * renamed), but gocloud's fileblob writes its `.json.attrs` sidecar in place: killed in that window, the CLI is
 * left with an empty sidecar and every later command fails with "failed to load checkpoint: EOF" (seen here at 1
 * kill point in about 20, on the checkpoint written as a route began). That is the state store's failure, not a
 * peerlink create's, and `?metadata=skip` (fileblob's documented option: no sidecar files) removes it; without
 * it, deleting the empty `.attrs` file recovers the stack.
 */
export function killableStack(programDir: string): PulumiStack {
  const stack = new PulumiStack(programDir);
  stack.env.PULUMI_BACKEND_URL = `${stack.env.PULUMI_BACKEND_URL}?metadata=skip`;
  return stack;
}

/** Parent of each process, from /proc (Linux; elsewhere nothing, and only the CLI's own group is killed). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      out.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** `pid` and every process below it. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), child]);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * SIGKILL to the CLI's process group and to the group of every process below it: the engine starts each plugin
 * (language host, dynamic providers) in a process group of its own (pulumi sdk/go/common/util/cmdutil
 * child_unix.go `RegisterProcessGroup`: `Setpgid: true`), so killing the CLI's group alone left them running,
 * about 25 node processes per e2e run. A CI runner's timeout ends the whole tree, as this does.
 */
function killTree(pid: number): void {
  for (const member of processTree(pid))
    for (const target of [-member, member])
      try {
        process.kill(target, "SIGKILL");
      } catch {
        // Not a group leader, or already gone.
      }
}

/** `+  <type> <name> creating` of a peerlink resource in the CLI's non-interactive output. */
const CREATING = /^\s*\+\s+(\S*peerlink:\S+)\s+(\S+)\s+creating\b/;

export interface KilledUp {
  /** Whether the k-th create began (and the run was killed there); false when the run ended first. */
  readonly killed: boolean;
  /** `type name` of the resource whose create was in flight. */
  readonly at: string | undefined;
  readonly output: string;
}

/** Runs `pulumi up` and kills its process tree when the k-th peerlink resource starts creating (k from 1). */
export function upKilledAt(stack: PulumiStack, k: number): Promise<KilledUp> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "pulumi",
      ["up", "--yes", "--skip-preview", "--stack", stack.stack, "--non-interactive"],
      { cwd: stack.programDir, env: stack.env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    const started = new Set<string>();
    let output = "";
    let pending = "";
    let at: string | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const match = CREATING.exec(line);
        if (match === null || at !== undefined) continue;
        started.add(`${match[1]} ${match[2]}`);
        if (started.size === k) {
          at = `${match[1]} ${match[2]}`;
          killTree(child.pid!);
        }
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", () => resolve({ killed: at !== undefined, at, output }));
  });
}

/** `pulumi up` after a kill: `pulumi cancel` first when the stack is locked, as the CLI says to. */
export async function upAfterKill(stack: PulumiStack): Promise<{ code: number | null; output: string }> {
  let result = await stack.up();
  if (result.code !== 0 && /locked|pulumi cancel/i.test(result.output)) {
    const cancel = await stack.run(["cancel", "--yes", "--stack", stack.stack]);
    if (cancel.code !== 0) return { code: cancel.code, output: `${result.output}\n${cancel.output}` };
    result = await stack.up();
  }
  return { code: result.code, output: result.output };
}

/** Counts of a list's keys that occur more than once (a duplicate VPC, peering or route). */
export function duplicates(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`);
}
