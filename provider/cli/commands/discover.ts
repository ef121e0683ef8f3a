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
} from "../../backends/discover/index.js";
import { BackendError } from "../../backends/errors.js";
import { parseTopologyText } from "../../core/load-document.js";
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
  /** A topology document (yaml, json), or a Pulumi bulk import file of one account (pulumi-import). */
  readonly format: "yaml" | "json" | "pulumi-import";
  readonly output?: string;
}

function issues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join(".") || "document"}: ${i.message}`).join("; ");
}

/** The connections the options name; a wrong profile or command line ends the command with exit code 2. */
export function connectionsOf(options: ConnectionOptions): Connection[] {
  if (options.profile !== undefined) {
    if (options.backend !== undefined)
      throw new CliExit(EXIT.unreadable, "peerlink: give either --profile or --backend, not both.");
    const text = readTextFile(options.profile, "the profile ");
    const parsed = profileSchema.safeParse(parseTopologyText(text, options.profile));
    if (!parsed.success)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: INVALID_PROFILE ${escapeText(options.profile)}: ${escapeText(issues(parsed.error))} (fix: see "Day 2" in the README for the profile format).`,
      );
    return parsed.data.connections;
  }
  if (options.backend === undefined)
    throw new CliExit(
      EXIT.unreadable,
      "peerlink: name the accounts to read: --profile FILE, or --backend KIND --region REGION[,REGION] (credentials from the environment).",
    );
  const parsed = connectionSchema.safeParse({
    backend: options.backend,
    regions: (options.region ?? "").split(",").filter((r) => r !== ""),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.account === undefined ? {} : { account: options.account }),
  });
  if (!parsed.success)
    throw new CliExit(EXIT.unreadable, `peerlink: INVALID_CONNECTION ${escapeText(issues(parsed.error))}.`);
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
  const read = await readEstates(options, ctx);
  let text: string;
  if (options.format === "pulumi-import") {
    // One provider a file: the stack's default peerlink provider is configured for one account.
    if (read.accounts.length !== 1)
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: --format pulumi-import writes one account's import file, and the connections read ${read.accounts.length} (${read.accounts.map(escapeText).join(", ")}). Fix: discover one account at a time (--backend/--account, or a profile of one account's connections), each into the stack whose peerlink provider is configured for it.`,
      );
    text = `${JSON.stringify(pulumiImportFile(read.estates, read.accounts[0]!), null, 2)}\n`;
  } else text = renderDocument(read.document, options.format);
  if (options.output === undefined) ctx.io.stdout.write(text);
  else writeFileSync(options.output, text);
  return EXIT.ok;
}
