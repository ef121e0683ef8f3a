import { describe, expect, it } from "vitest";
import { DocumentReadError } from "../../../provider/core/errors.js";
import { scanJson } from "../../../provider/core/load/json-scan.js";
import { parseTopologyText } from "../../../provider/core/load-document.js";

function readError(text: string): DocumentReadError {
  try {
    parseTopologyText(text, "net.json");
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentReadError);
    return error as DocumentReadError;
  }
  throw new Error(`read: ${text}`);
}

describe("what people write in JSON that JSON does not allow, told by name", () => {
  it.each([
    [
      '{ "vpcs": [ { "id": "a", }, ] }',
      "line 1, column 24: a comma before '}' (a trailing comma)",
      "Remove the comma",
    ],
    [
      '{\n  "vpcs": [\n    1,\n    2,\n  ]\n}',
      "line 4, column 6: a comma before ']' (a trailing comma)",
      "Remove the comma",
    ],
    ['{ "vpcs": [] , }', "line 1, column 14: a comma before '}'", "Remove the comma"],
    [
      '{ // the network\n "vpcs": [] }',
      "line 1, column 3: a comment, which JSON does not allow",
      "comment with #",
    ],
    ['{ "vpcs": [ /* none */ ] }', "line 1, column 13: a comment", "Remove the comment"],
    ["{ 'vpcs': [] }", "line 1, column 3: a single-quoted string", 'double quotes ("...")'],
    ["{ \"vpcs\": ['a'] }", "line 1, column 12: a single-quoted string", "double quotes"],
  ])("%s", (text, message, fix) => {
    const error = readError(text);
    expect(error.code).toBe("UNREADABLE_DOCUMENT");
    expect(error.message).toContain(`net.json: ${message}`);
    expect(error.fix).toContain(fix);
  });

  it.each([
    ['{ "vpcs": [ 1 2 ] }', "line 1, column 15: unexpected '2', expected ',' or ']'"],
    ['{ "vpcs": [ 1, , 2 ] }', "line 1, column 16: unexpected ',', expected a value"],
    ['{ "vpcs": [ 1, \n 2 ] x }', "line 2, column 6: unexpected 'x', expected ',' or '}'"],
  ])("keeps the plain message for other mistakes, after a comma too: %s", (text, message) => {
    const error = readError(text);
    expect(error.message).toContain(`net.json: ${message}`);
    expect(error.fix).toBe("Fix the JSON at the line and column given.");
  });

  it("accepts what it should, commas and blanks between items included", () => {
    expect(() =>
      scanJson('{ "a" : [ 1 , 2 ,\n 3 ] , "b" : { } }', { source: "x", maxDepth: 10 }),
    ).not.toThrow();
  });
});
