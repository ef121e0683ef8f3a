/**
 * `peerlink discover`: reads one or more accounts, read-only, and writes the estate as a topology document that
 * validate, graph, reachability and cost take as it is. `peerlink audit` reads the same way (readEstate).
 */
import { writeFileSync } from "node:fs";
import { stringify } from "yaml";
import {
  type Connection,
  connectionSchema,
  estateDocument,
  openSessions,
  profileSchema,
  pulumiImportFile,
  readEstates as readSessionEstates,
  type SessionEstate,
  terraformImportFile,
} from "../../backends/discover/index.js";
import { BackendError } from "../../backends/errors.js";
import { parseTopologyText } from "../../core/load-document.js";
import { issueLines } from "../../core/schema-keys.js";
import type { TopologyDocument } from "../../core/topology-schema.js";
import { escapeText } from "../escape.js";
import { EXIT } from "../exit-codes.js";
import type { CommandContext } from "../io.js";
import { CliExit, readTextFile } from "../read-topology.js";

/** Where the accounts come from: a profile file, or one connection from flags (credentials from the environment). */
export interface ConnectionOptions {
  readonly profile?: string;
  readonly backend?: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly account?: string;
  readonly progress?: boolean;
}

export interface DiscoverOptions extends ConnectionOptions {
  /** A topology document (yaml, json), a Pulumi bulk import file (pulumi-import), or import blocks (terraform-import). */
  readonly format: "yaml" | "json" | "pulumi-import" | "terraform-import";
  readonly output?: string;
  /** `ACCOUNT=URN` of the stack's provider resource for each account (pulumi-import of several accounts). */
  readonly pulumiProvider?: readonly string[];
}

/** `--pulumi-provider ACCOUNT=URN` values by account; a malformed or repeated one ends the command (exit 2). */
function providersOf(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const account = at > 0 ? value.slice(0, at) : "";
    const urn = at > 0 ? value.slice(at + 1) : "";
    if (account === "" || !urn.startsWith("urn:pulumi:") || !urn.includes("::pulumi:providers:peerlink::"))
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: --pulumi-provider ${escapeText(value)} is not ACCOUNT=URN of a peerlink provider. Fix: give the account and the URN \`pulumi stack --show-urns\` shows for its pulumi:providers:peerlink resource, e.g. 100001=urn:pulumi:prod::net::pulumi:providers:peerlink::app.`,
      );
    if (out[account] !== undefined)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: --pulumi-provider names account ${escapeText(account)} twice.`,
      );
    out[account] = urn;
  }
  return out;
}

/** The connections the options name; a wrong profile or command line ends the command with exit code 2. */
export function connectionsOf(options: ConnectionOptions): Connection[] {
  if (options.profile !== undefined) {
    if (options.backend !== undefined)
      throw new CliExit(EXIT.unreadable, "peerlink: give either --profile or --backend, not both.");
    const text = readTextFile(options.profile, "the profile ");
    const document = parseTopologyText(text, options.profile);
    const parsed = profileSchema.safeParse(document);
    if (!parsed.success)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: INVALID_PROFILE ${escapeText(options.profile)}: ${escapeText(issueLines(profileSchema, parsed.error.issues, document))} (fix: see "Day 2" in the README for the profile format).`,
      );
    return parsed.data.connections;
  }
  if (options.backend === undefined)
    throw new CliExit(
      EXIT.unreadable,
      "peerlink: name the accounts to read: --profile FILE, or --backend KIND --region REGION[,REGION] (credentials from the environment).",
    );
  const given = {
    backend: options.backend,
    regions: (options.region ?? "").split(",").filter((r) => r !== ""),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.account === undefined ? {} : { account: options.account }),
  };
  const parsed = connectionSchema.safeParse(given);
  if (!parsed.success)
    throw new CliExit(
      EXIT.unreadable,
      `peerlink: INVALID_CONNECTION ${escapeText(issueLines(connectionSchema, parsed.error.issues, given))}.`,
    );
  return [parsed.data];
}

/** Reads the estate the options name, with per-session counts on stderr (on a terminal, or with --progress). */
export async function readEstate(options: ConnectionOptions, ctx: CommandContext): Promise<TopologyDocument> {
  return (await readEstates(options, ctx)).document;
}

/** What each session read, and the document of it all, with the progress and warnings of `readEstate`. */
async function readEstates(
  options: ConnectionOptions,
  ctx: CommandContext,
): Promise<{ estates: SessionEstate[]; document: TopologyDocument; accounts: string[] }> {
  const connections = connectionsOf(options);
  const show = options.progress ?? Boolean(ctx.io.stderr.isTTY);
  let sessions: ReturnType<typeof openSessions> = [];
  try {
    sessions = openSessions(connections, ctx.io.env);
    if (show) ctx.io.stderr.write(`peerlink: discover: reading ${sessions.length} account-region(s)...\n`);
    let done = 0;
    const estates = await readSessionEstates(sessions, {
      onSession: (c) => {
        done++;
        // Always said (not only with progress): it changes what an audit of this document compares.
        if (c.subnetsNotRead !== undefined)
          ctx.io.stderr.write(
            `peerlink: discover: warning: subnets of ${escapeText(c.name)} ${escapeText(c.region)} (account ${escapeText(c.account)}) not read: ${escapeText(c.subnetsNotRead)}. The document has no subnets list, so audit --against compares no subnets${c.subnetsNotRead.startsWith("PERMISSION_DENIED") ? "; allow the cloud's subnet listing (Tencent DescribeSubnets, Huawei ListSubnets, Baidu ListSubnets) to read them" : ""}.\n`,
          );
        if (show)
          ctx.io.stderr.write(
            `peerlink: discover: [${done}/${sessions.length}] ${escapeText(c.name)} ${escapeText(c.region)} (account ${escapeText(c.account)}): ${c.vpcs} VPCs, ${c.peerings} peerings, ${c.routes} routes, ${c.subnetsNotRead === undefined ? `${c.subnets} subnets` : "subnets not read"}\n`,
          );
      },
    });
    const document = estateDocument(estates);
    if (show) {
      const hidden = document.vpcs.filter((v) => v.visible === false).length;
      ctx.io.stderr.write(
        `peerlink: discover: ${document.vpcs.length - hidden} VPCs (${hidden} peer VPCs not visible), ${document.peerings.length} peerings, ${document.routes.length} routes, ${document.subnets === undefined ? "subnets not read" : `${document.subnets.length} subnets`}\n`,
      );
    }
    return { estates, document, accounts: [...new Set(sessions.map((x) => x.backend.account))] };
  } catch (error) {
    if (error instanceof BackendError)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: ${error.code} ${escapeText(error.message)}${error.cloudCode ? ` (cloud code ${escapeText(error.cloudCode)})` : ""}`,
      );
    throw error;
  } finally {
    await Promise.all(sessions.map((s) => s.backend.close().catch(() => undefined)));
  }
}

/** The document as text: YAML (block style, no anchors) or JSON. */
export function renderDocument(document: TopologyDocument, format: "yaml" | "json"): string {
  return format === "json"
    ? `${JSON.stringify(document, null, 2)}\n`
    : stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** `peerlink discover`: exit 0 when read, 2 when a connection or the command line is wrong. */
export async function runDiscover(options: DiscoverOptions, ctx: CommandContext): Promise<number> {
  // The flags are checked before anything is read: reading many accounts takes the rate limit's time.
  const given = options.pulumiProvider ?? [];
  if (given.length > 0 && options.format !== "pulumi-import")
    throw new CliExit(
      EXIT.unreadable,
      "peerlink: --pulumi-provider names the providers of an import file: use it with --format pulumi-import.",
    );
  const providers = given.length > 0 ? providersOf(given) : undefined;
  const read = await readEstates(options, ctx);
  let text: string;
  if (options.format === "pulumi-import") {
    // Each resource is read through a provider of its account: the stack's default one serves one account only.
    const missing = providers ? read.accounts.filter((a) => providers[a] === undefined) : [];
    if ((!providers && read.accounts.length !== 1) || missing.length > 0)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: --format pulumi-import of ${read.accounts.length} accounts (${read.accounts.map(escapeText).join(", ")}) needs the stack's provider of each${missing.length > 0 ? `; none given for ${missing.map(escapeText).join(", ")}` : ""}. Fix: declare a pulumi:providers:peerlink resource per account, \`pulumi up\`, then give --pulumi-provider ACCOUNT=URN for each (or discover one account at a time, for the stack's default provider).`,
      );
    text = `${JSON.stringify(pulumiImportFile(read.estates, read.accounts, providers), null, 2)}\n`;
  } else if (options.format === "terraform-import") {
    const { file, skipped } = terraformImportFile(read.estates, read.accounts);
    // Said on stderr, always: a resource the file leaves out is one `plan -generate-config-out` will not write.
    for (const s of skipped)
      ctx.io.stderr.write(
        `peerlink: discover: not in the import blocks: ${escapeText(s.resource)}: ${escapeText(s.reason)}.\n`,
      );
    text = `${JSON.stringify(file, null, 2)}\n`;
  } else text = renderDocument(read.document, options.format);
  if (options.output === undefined) ctx.io.stdout.write(text);
  else writeFileSync(options.output, text);
  return EXIT.ok;
}
