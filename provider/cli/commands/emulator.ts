/**
 * `peerlink emulator --port N --state DIR --accounts FILE [--no-rate-limit]`: serves the clouds' VPC APIs on
 * 127.0.0.1 over one local state file, until interrupted. Prints the URL and the account ids, never a key.
 */

import { AccountsFileError, DEMO_ACCOUNTS, loadAccountsFile } from "../../emulator/accounts.js";
import { handlers } from "../../emulator/handlers.js";
import { DEFAULT_RATE_LIMITS } from "../../emulator/rate-limiter.js";
import { DEFAULT_EMULATOR_PORT, type RunningEmulator, startEmulator } from "../../emulator/server.js";
import { EXIT } from "../exit-codes.js";
import { CliExit } from "../read-topology.js";

export interface EmulatorCommandOptions {
  readonly port: string;
  readonly host: string;
  readonly state: string;
  readonly accounts?: string;
  /** commander's `--no-rate-limit` */
  readonly rateLimit: boolean;
}

export { DEFAULT_EMULATOR_STATE_DIR } from "../../emulator/defaults.js";

export async function startEmulatorCommand(options: EmulatorCommandOptions): Promise<RunningEmulator> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliExit(EXIT.unreadable, `peerlink emulator: --port must be 0..65535, got "${options.port}"`);
  let accounts = DEMO_ACCOUNTS;
  if (options.accounts !== undefined) {
    try {
      accounts = loadAccountsFile(options.accounts);
    } catch (error) {
      if (error instanceof AccountsFileError)
        throw new CliExit(EXIT.unreadable, `peerlink emulator: ${error.message}`);
      throw error;
    }
  }
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port,
      host: options.host,
      stateDir: options.state,
      accounts,
      ...(options.rateLimit ? {} : { rateLimits: false as const }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE" ? `port ${port} is in use (pick another with --port)` : String(error);
    throw new CliExit(EXIT.invalid, `peerlink emulator: cannot start: ${reason}`);
  }
  const demo = options.accounts === undefined;
  const lines = [
    `peerlink emulator listening on ${emulator.url}`,
    `  state:       ${emulator.stateFile}`,
    `  protocols:   ${handlers.map((h) => h.cloud).join(", ")}`,
    `  accounts:    ${accounts.map((a) => a.id).join(", ")}${demo ? ' (demo accounts: their keys are in the README, "Emulator and cloud backends")' : ` (from ${options.accounts})`}`,
    `  rate limits: ${
      options.rateLimit
        ? Object.entries(DEFAULT_RATE_LIMITS)
            .map(([cloud, rate]) => `${cloud} ${rate}/s`)
            .join(", ") + " per account and action"
        : "off"
    }`,
    "Stop with Ctrl-C.",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return emulator;
}

/** Runs until SIGINT or SIGTERM, then closes the server and the state file. */
export async function runEmulator(options: EmulatorCommandOptions): Promise<number> {
  const emulator = await startEmulatorCommand(options);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await emulator.close();
  return EXIT.ok;
}

export { DEFAULT_EMULATOR_PORT };
