/**
 * Bandwidth samples: the 5-minute in/out bandwidth points that Tencent bills from (seed 000: 每5分钟采集一次,
 * 取…出入带宽的最大值). The CLI reads a CSV file and passes its text here; parsing is pure.
 *
 * CSV format: a header row, then one row per sample.
 *   time,in_mbps,out_mbps[,peering]
 *   2017-02-01T00:05:00+08:00,30,20,gz-bj
 * `time` is ISO 8601 with a UTC offset (Z or +08:00) or Unix epoch seconds; `peering` (optional) names the
 * peering id the sample belongs to, and an empty or absent value means every cross-region peering.
 */
import { parse } from "csv-parse/sync";
import { PeerlinkError } from "../errors.js";

export interface BandwidthSample {
  readonly time: Date;
  /** The peering id; undefined: the sample applies to every cross-region peering. */
  readonly peering?: string;
  readonly inMbps: number;
  readonly outMbps: number;
}

/** The value Tencent bills a point at: the larger of in and out (seed 000: 出入带宽的最大值). */
export function sampleMbps(sample: BandwidthSample): number {
  return Math.max(sample.inMbps, sample.outMbps);
}

const REQUIRED_COLUMNS = ["time", "in_mbps", "out_mbps"] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, "peering"];
const FORMAT_FIX = "The samples CSV needs the header time,in_mbps,out_mbps (and optionally peering).";

/**
 * Epoch values above this are rejected as probably milliseconds: 1e11 seconds is the year 5138, while
 * millisecond timestamps of this century are above 1e12.
 */
const MAX_EPOCH_SECONDS = 1e11;

function invalid(
  line: number,
  column: string | undefined,
  value: string,
  problem: string,
  fix: string,
): never {
  const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  throw new PeerlinkError("INVALID_SAMPLES", `Samples CSV ${where}: "${shown}" ${problem}. Fix: ${fix}`, {
    resource: `samples ${where}`,
    value,
    fix,
  });
}

const DECIMAL = /^\+?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseMbps(text: string, line: number, column: string): number {
  const fix = `Write ${column} in Mbps as a non-negative decimal number such as 12.5.`;
  if (text.startsWith("-") && DECIMAL.test(text.slice(1))) invalid(line, column, text, "is negative", fix);
  if (!DECIMAL.test(text)) invalid(line, column, text, "is not a number", fix);
  const value = Number(text);
  if (!Number.isFinite(value)) invalid(line, column, text, "is not a finite number", fix);
  return value;
}

/** ISO 8601 date and time with a required offset; seconds and fractions optional. */
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const EPOCH = /^\d+(?:\.\d+)?$/;

function isoTime(match: RegExpMatchArray): Date | undefined {
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? "0");
  const ms = Math.floor(Number(`0.${frac ?? "0"}`) * 1000);
  const offsetHours = Number(oh ?? "0");
  const offsetMinutes = Number(om ?? "0");
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 2017-02-30 over into March; a changed day or month means the date does not exist.
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day)
    return undefined;
  const offsetMs =
    z !== undefined ? 0 : (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(local.getTime() - offsetMs);
}

function parseTime(text: string, line: number): Date {
  const fix =
    "Write the time as ISO 8601 with a UTC offset, e.g. 2017-02-01T08:05:00+08:00 or 2017-02-01T00:05:00Z, or as Unix epoch seconds, e.g. 1485907500.";
  if (EPOCH.test(text)) {
    const seconds = Number(text);
    if (seconds > MAX_EPOCH_SECONDS)
      invalid(line, "time", text, "is too large for epoch seconds (milliseconds?)", fix);
    return new Date(seconds * 1000);
  }
  const match = text.match(ISO_TIME);
  if (!match) {
    const noOffset = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text);
    invalid(
      line,
      "time",
      text,
      noOffset ? "has no UTC offset, so its day is ambiguous" : "is not an ISO 8601 time or epoch seconds",
      fix,
    );
  }
  const time = isoTime(match);
  if (time === undefined) invalid(line, "time", text, "is not a valid date and time", fix);
  return time;
}

/** Column name to index, from the header row; throws on missing, unknown or repeated columns. */
function readHeader(header: readonly string[], line: number): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.toLowerCase();
    if (!KNOWN_COLUMNS.includes(name))
      invalid(line, undefined, raw, "is not a samples column (time, in_mbps, out_mbps, peering)", FORMAT_FIX);
    if (columns.has(name)) invalid(line, undefined, raw, "is a repeated column", FORMAT_FIX);
    columns.set(name, index);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.has(name))
      invalid(line, name, header.join(","), `is a header without the column ${name}`, FORMAT_FIX);
  }
  return columns;
}

interface CsvRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function readCsv(text: string): CsvRow[] {
  try {
    return parse(text, {
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      // Rows of the wrong length are reported below with their line number and our wording.
      relax_column_count: true,
    }) as unknown as CsvRow[];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    const line = typeof lines === "number" ? lines : 0;
    throw new PeerlinkError(
      "INVALID_SAMPLES",
      `Samples CSV line ${line}: not valid CSV (${(error as Error).message}). Fix: Close every quoted field and use commas between fields.`,
      {
        resource: `samples line ${line}`,
        fix: "Close every quoted field and use commas between fields.",
        cause: error,
      },
    );
  }
}

/**
 * Parses a samples CSV. A file with only the header gives []; an empty file is an error (no header).
 * Every bad row throws PeerlinkError("INVALID_SAMPLES") naming the line, the column, the value and the fix.
 */
export function parseSamplesCsv(text: string): BandwidthSample[] {
  const rows = readCsv(text);
  const [headerRow, ...dataRows] = rows;
  if (headerRow === undefined) invalid(1, undefined, "", "is an empty file without a header row", FORMAT_FIX);
  const columns = readHeader(headerRow.record, headerRow.info.lines);
  const at = (name: string): number => columns.get(name)!;
  const peeringIndex = columns.get("peering");

  return dataRows.map(({ record, info }) => {
    const line = info.lines;
    if (record.length !== columns.size) {
      invalid(
        line,
        undefined,
        record.join(","),
        `has ${record.length} field(s) where the header has ${columns.size}`,
        `Give every row the header's ${columns.size} columns (${[...columns.keys()].join(",")}).`,
      );
    }
    const time = parseTime(record[at("time")]!, line);
    const inMbps = parseMbps(record[at("in_mbps")]!, line, "in_mbps");
    const outMbps = parseMbps(record[at("out_mbps")]!, line, "out_mbps");
    const peering = peeringIndex === undefined ? "" : record[peeringIndex]!;
    return peering === "" ? { time, inMbps, outMbps } : { time, peering, inMbps, outMbps };
  });
}
