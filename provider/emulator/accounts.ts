/**
 * Emulator accounts: the `--accounts FILE` format `{"accounts": [{"id", "secretId", "secretKey"}]}` (the id is
 * the Tencent uin, the Huawei tenant/project and the Baidu account; secretId/secretKey the AK/SK of all three
 * protocols), and the two demo accounts it starts with when no file is given.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { issueLines } from "../core/schema-keys.js";
import type { EmulatorAccount } from "./protocol.js";

/**
 * Documented in the README ("Emulator and cloud backends"). They work against the local emulator only; a real
 * cloud has never seen them.
 */
export const DEMO_ACCOUNTS: readonly EmulatorAccount[] = [
  {
    id: "100001",
    secretId: "AKIDpeerlinkDEMO0000000000000000001",
    secretKey: "peerlinkDemoSecretKey000000000001",
  },
  {
    id: "100002",
    secretId: "AKIDpeerlinkDEMO0000000000000000002",
    secretKey: "peerlinkDemoSecretKey000000000002",
  },
];

const accountsFileSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        secretId: z.string().min(1),
        secretKey: z.string().min(1),
      }),
    )
    .min(1),
});

export class AccountsFileError extends Error {
  override readonly name = "AccountsFileError";
}

/** Checks an accounts document: well-formed, ids and key ids unique. Messages never include a secret key. */
export function parseAccounts(document: unknown, source = "accounts"): EmulatorAccount[] {
  const parsed = accountsFileSchema.safeParse(document);
  if (!parsed.success) {
    const problems = issueLines(accountsFileSchema, parsed.error.issues, document, "(root)");
    throw new AccountsFileError(
      `${source}: expected {"accounts": [{"id", "secretId", "secretKey"}, ...]}: ${problems}`,
    );
  }
  const accounts = parsed.data.accounts;
  for (const key of ["id", "secretId"] as const) {
    const seen = new Set<string>();
    for (const account of accounts) {
      if (seen.has(account[key]))
        throw new AccountsFileError(`${source}: ${key} "${account[key]}" appears twice.`);
      seen.add(account[key]);
    }
  }
  return accounts;
}

export function loadAccountsFile(file: string): EmulatorAccount[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AccountsFileError(`Cannot read the accounts file ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AccountsFileError(`The accounts file ${file} is not JSON: ${(error as Error).message}`);
  }
  return parseAccounts(document, file);
}
