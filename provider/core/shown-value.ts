/**
 * A value as a message quotes it (`got "100"`, `has bandwidthMbps "100"`): its JSON, cut to 60 characters so that
 * a long list or object does not swamp the line. Only for values that are no secret (document fields, plain
 * construct arguments); credentials never reach a message.
 */
export function shownValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
