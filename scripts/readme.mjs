// Rewrites the README's generated rulebook section from provider/core/rulebook (npm run readme; the build first).
import { readFileSync, writeFileSync } from "node:fs";
import { renderRulebook } from "../dist/provider/core/rulebook/render.js";

const file = new URL("../README.md", import.meta.url);
const text = readFileSync(file, "utf8");
const [head, rest] = text.split("<!-- rulebook:start -->");
if (rest === undefined) throw new Error("README.md has no <!-- rulebook:start --> marker");
const tail = rest.split("<!-- rulebook:end -->")[1];
if (tail === undefined) throw new Error("README.md has no <!-- rulebook:end --> marker");
writeFileSync(file, `${head}<!-- rulebook:start -->\n${renderRulebook()}\n<!-- rulebook:end -->${tail}`);
console.log("README.md: rulebook section rewritten");
