import { describe, expect, it } from "vitest";
import { parseSamplesCsv, sampleMbps } from "../../../provider/core/cost/index.js";
import { PeerlinkError } from "../../../provider/core/errors.js";

function parseError(text: string): PeerlinkError {
  try {
    parseSamplesCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PeerlinkError);
    return error as PeerlinkError;
  }
  throw new Error("parseSamplesCsv did not throw");
}

describe("parseSamplesCsv", () => {
  it("parses ISO and epoch times, optional peering, any column order", () => {
    const samples = parseSamplesCsv(
      [
        "peering,out_mbps,time,in_mbps",
        "gz-sh,20,2017-02-01T08:05:00+08:00,30",
        ",1.5,1485907500,0.25",
        "sh-bj,0,2017-02-01 16:30:00Z,1e2",
        "",
      ].join("\n"),
    );
    expect(samples).toEqual([
      { time: new Date("2017-02-01T00:05:00Z"), peering: "gz-sh", inMbps: 30, outMbps: 20 },
      { time: new Date(1485907500 * 1000), inMbps: 0.25, outMbps: 1.5 },
      { time: new Date("2017-02-01T16:30:00Z"), peering: "sh-bj", inMbps: 100, outMbps: 0 },
    ]);
    expect(samples.map(sampleMbps)).toEqual([30, 1.5, 100]);
  });

  it("accepts a header-only file, a BOM, CRLF and blank lines", () => {
    expect(parseSamplesCsv("time,in_mbps,out_mbps\n")).toEqual([]);
    expect(parseSamplesCsv("\ufefftime,in_mbps,out_mbps\r\n\r\n1485907500,1,2\r\n")).toEqual([
      { time: new Date(1485907500000), inMbps: 1, outMbps: 2 },
    ]);
  });

  it.each([
    ["bad number", "time,in_mbps,out_mbps\n1485907500,1,2\n1485907800,abc,2\n", "line 3", "in_mbps", "abc"],
    ["negative", "time,in_mbps,out_mbps\n1485907800,1,-2\n", "line 2", "out_mbps", "-2"],
    ["hex", "time,in_mbps,out_mbps\n1485907800,0x10,2\n", "line 2", "in_mbps", "0x10"],
    ["empty number", "time,in_mbps,out_mbps\n1485907800,,2\n", "line 2", "in_mbps", '""'],
    ["bad time", "time,in_mbps,out_mbps\n\nyesterday,1,2\n", "line 3", "time", "yesterday"],
    ["no offset", "time,in_mbps,out_mbps\n2017-02-01T08:00:00,1,2\n", "line 2", "time", "no UTC offset"],
    ["no such date", "time,in_mbps,out_mbps\n2017-02-30T08:00:00Z,1,2\n", "line 2", "time", "2017-02-30"],
    ["bad hour", "time,in_mbps,out_mbps\n2017-02-01T24:00:00Z,1,2\n", "line 2", "time", "valid date"],
    ["epoch ms", "time,in_mbps,out_mbps\n1485907500000,1,2\n", "line 2", "time", "milliseconds"],
    ["missing column", "time,in_mbps\n1485907500,1\n", "line 1", "out_mbps", "time,in_mbps"],
    ["unknown column", "time,in_mbps,out_mbps,region\n", "line 1", "region", "not a samples column"],
    ["short row", "time,in_mbps,out_mbps\n1485907500,1\n", "line 2", "2 field(s)", "has 3"],
    ["no header", "", "line 1", "header", "empty file"],
    ["unclosed quote", 'time,in_mbps,out_mbps\n"1485907500,1,2\n', "line", "CSV", "quoted"],
  ])("%s: INVALID_SAMPLES naming %s", (_name, text, line, ...mentions) => {
    const error = parseError(text);
    expect(error.code).toBe("INVALID_SAMPLES");
    expect(error.message).toContain(`${line}`);
    for (const mention of mentions) expect(error.message).toContain(mention);
    expect(error.fix).toBeTruthy();
    expect(error.message).toContain(`Fix: ${error.fix}`);
  });

  it("names the column and value in the error's fields", () => {
    const error = parseError("time,in_mbps,out_mbps\n1485907500,1,2\n1485907800,1,2.5.1\n");
    expect(error.resource).toBe("samples line 3, column out_mbps");
    expect(error.value).toBe("2.5.1");
    expect(error.message).toBe(
      'Samples CSV line 3, column out_mbps: "2.5.1" is not a number. Fix: Write out_mbps in Mbps as a non-negative decimal number such as 12.5.',
    );
  });
});
