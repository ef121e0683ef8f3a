/**
 * Bytes of a topology file to text: UTF-8 (a BOM is dropped), or UTF-16 with a BOM (decoded). Refused, with the
 * reason: NUL bytes (binary content, or UTF-16 without a BOM), and bytes that are not valid UTF-8.
 */
import { isUtf8 } from "node:buffer";
import { DocumentReadError } from "../errors.js";

function refuse(source: string, message: string, fix: string): never {
  throw new DocumentReadError("UNREADABLE_DOCUMENT", `${source}: ${message}`, { resource: source, fix });
}

/** True when the first bytes look like UTF-16 text without a BOM: ASCII with a NUL before or after each byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 64) & ~1;
  if (sample < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) even++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) odd++;
  }
  return even === sample / 2 || odd === sample / 2;
}

/** The offset of the first NUL byte of `bytes`, or -1; the check is native (`Buffer.indexOf`). */
export function firstNul(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
}

/** Refuses bytes that cannot be topology text (NUL bytes without a UTF-16 BOM); used on the first chunk read. */
export function checkStart(bytes: Uint8Array, source: string): void {
  if (hasUtf16Bom(bytes)) return;
  const nul = firstNul(bytes);
  if (nul === -1) return;
  if (looksLikeUtf16(bytes)) {
    refuse(
      source,
      "looks like UTF-16 text without a byte-order mark",
      "Save the file as UTF-8 (or as UTF-16 with a BOM).",
    );
  }
  refuse(
    source,
    `binary content (a NUL byte at offset ${nul}), not a YAML or JSON text`,
    "Name a YAML or JSON text file.",
  );
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** Decodes the whole document. */
export function decodeDocument(bytes: Buffer, source: string): string {
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      refuse(
        source,
        `is not valid ${encoding.toUpperCase()} text (it starts with a UTF-16 byte-order mark)`,
        "Save the file as UTF-8.",
      );
    }
    const nul = text.indexOf("\0");
    if (nul !== -1)
      refuse(
        source,
        `binary content (a NUL character at ${nul}), not a YAML or JSON text`,
        "Name a YAML or JSON text file.",
      );
    return text;
  }
  checkStart(bytes, source);
  if (!isUtf8(bytes)) refuse(source, "is not valid UTF-8 text", "Save the file as UTF-8.");
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString("utf8", start);
}
