/** The CLI run in the test's own process (`run(argv, io)`), its output captured, with `env` as its environment. */
import { run } from "../../provider/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function inProcessCli(env: NodeJS.ProcessEnv): (...argv: string[]) => Promise<CliResult> {
  return async (...argv) => {
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env,
    };
    const code = await run(argv, io);
    return { code, stdout, stderr };
  };
}
