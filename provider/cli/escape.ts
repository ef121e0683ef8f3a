/** The CLI's terminal-safe text: see ../core/escape-text.ts. Commands that print user strings call `escapeText`. */
export { escapeText } from "../core/escape-text.js";
