/**
 * Reading an API 3.0 JSON body the way the service does: unknown top-level parameters are refused
 * (UnknownParameter), missing required ones are MissingParameter, wrong types InvalidParameter (common error
 * codes of API 3.0). Numbers are also accepted as numeric strings, because several Describe models type paging as
 * strings (DescribeVpcsRequest.Offset/Limit are `str` in tencentcloud-sdk-python-vpc models.py).
 */
import { TencentApiError } from "./api-error.js";

export interface TencentFilter {
  readonly name: string;
  readonly values: readonly string[];
}

export class Params {
  readonly #raw: Record<string, unknown>;

  constructor(raw: unknown, allowed: readonly string[]) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      throw new TencentApiError("InvalidParameter", "The request body must be a JSON object.");
    this.#raw = raw as Record<string, unknown>;
    for (const key of Object.keys(this.#raw)) {
      if (!allowed.includes(key))
        throw new TencentApiError("UnknownParameter", `The parameter \`${key}\` is not recognized.`);
    }
  }

  has(name: string): boolean {
    return this.#raw[name] !== undefined && this.#raw[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string")
      throw new TencentApiError("InvalidParameter", `The parameter \`${name}\` must be a string.`);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === "")
      throw new TencentApiError(
        "MissingParameter",
        `The request is missing a required parameter \`${name}\`.`,
      );
    return value;
  }

  int(name: string): number | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === null) return undefined;
    const number = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== "number" || !Number.isInteger(number))
      throw new TencentApiError("InvalidParameter", `The parameter \`${name}\` must be an integer.`);
    return number;
  }

  stringList(name: string): string[] | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      throw new TencentApiError(
        "InvalidParameter.NotList",
        `The parameter \`${name}\` must be a list of strings.`,
      );
    return value as string[];
  }

  objectList(name: string): Record<string, unknown>[] | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "object" || v === null || Array.isArray(v)))
      throw new TencentApiError(
        "InvalidParameter.NotList",
        `The parameter \`${name}\` must be a list of objects.`,
      );
    return value as Record<string, unknown>[];
  }

  /** `Filters: [{Name, Values}]` (models.py Filter); `known` are the filter names the action supports. */
  filters(known: readonly string[], prefixes: readonly string[] = []): TencentFilter[] {
    const list = this.objectList("Filters") ?? [];
    return list.map((filter) => {
      const name = filter.Name;
      const values = filter.Values;
      if (typeof name !== "string")
        throw new TencentApiError("InvalidParameter.FilterMissParameter", "Every filter needs a `Name`.");
      if (!Array.isArray(values) || values.some((v) => typeof v !== "string"))
        throw new TencentApiError(
          "InvalidParameter.FilterValuesNotList",
          `Filter \`${name}\`: \`Values\` must be a list of strings.`,
        );
      if (!known.includes(name) && !prefixes.some((prefix) => name.startsWith(prefix)))
        throw new TencentApiError(
          "InvalidParameter.FilterInvalidKey",
          `Filter \`${name}\` is not supported; use one of ${known.join(", ")}.`,
        );
      return { name, values: values as string[] };
    });
  }

  /** `Tags: [{Key, Value}]` (models.py Tag). */
  tags(name = "Tags"): Record<string, string> | undefined {
    const list = this.objectList(name);
    if (!list) return undefined;
    const tags: Record<string, string> = {};
    for (const tag of list) {
      if (typeof tag.Key !== "string" || (tag.Value !== undefined && typeof tag.Value !== "string"))
        throw new TencentApiError(
          "InvalidParameter",
          `Every entry of \`${name}\` needs a string \`Key\` and \`Value\`.`,
        );
      tags[tag.Key] = (tag.Value as string | undefined) ?? "";
    }
    return tags;
  }

  /** Offset/Limit paging with the service's default 20 and maximum 100 (DescribeVpcsRequest.Limit doc). */
  page(): { offset: number; limit: number } {
    const offset = this.int("Offset") ?? 0;
    const limit = this.int("Limit") ?? 20;
    if (offset < 0 || limit < 0 || limit > 100)
      throw new TencentApiError(
        "InvalidParameterValue.Range",
        `Offset ${offset} / Limit ${limit} out of range (Limit at most 100).`,
      );
    return { offset, limit };
  }
}
