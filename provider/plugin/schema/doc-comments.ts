/**
 * The doc comments of the TypeScript front end (`provider/pulumi/**`), read from its source with the TypeScript
 * compiler's parser: the schema's descriptions and documented defaults come from the same comments the
 * TypeScript users read, so the two cannot drift apart.
 *
 * Hand-written (on `typescript`'s parser, not a doc generator such as TypeDoc or ts-json-schema-generator) because
 * only two facts per member are needed, the text and its `@default`, and the input types come from the zod
 * schemas the runtime validates with, not from the TypeScript types (`pulumi.Input<...>` would need unwrapping).
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

export interface MemberDoc {
  /** The comment's text without tags; "" when the member has none. */
  readonly description: string;
  /** The `@default` tag's text, when there is one. */
  readonly default?: string;
  /** The member is declared with `?`. */
  readonly optional: boolean;
}

/** An interface's or class's members by name (declared members only; `extends` is followed, see membersOf). */
export interface DeclarationDoc {
  readonly description: string;
  readonly members: ReadonlyMap<string, MemberDoc>;
  /** The names of the interfaces it extends (same file or imported, resolved by name by the caller). */
  readonly extends: readonly string[];
}

function docOf(node: ts.Node): { description: string; default?: string } {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  if (!doc) return { description: "" };
  const description = (ts.getTextOfJSDocComment(doc.comment) ?? "").replace(/\s+/g, " ").trim();
  const tag = doc.tags?.find((t) => t.tagName.text === "default");
  const value = tag ? (ts.getTextOfJSDocComment(tag.comment) ?? "").replace(/\s+/g, " ").trim() : undefined;
  return value === undefined ? { description } : { description, default: value };
}

/**
 * A file's header comment (the first JSDoc, attached to its first statement): what a class without a comment of
 * its own is described by, e.g. the DR components.
 */
export function readHeader(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const first = source.statements[0];
  if (!first) return "";
  const doc = ts.getJSDocCommentsAndTags(first).filter(ts.isJSDoc)[0];
  return doc ? (ts.getTextOfJSDocComment(doc.comment) ?? "").replace(/\s+/g, " ").trim() : "";
}

/** Every exported interface and class of a source file, by name. */
export function readDeclarations(file: string): Map<string, DeclarationDoc> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out = new Map<string, DeclarationDoc>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isClassDeclaration(statement)) continue;
    if (!statement.name) continue;
    const members = new Map<string, MemberDoc>();
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) && !ts.isPropertyDeclaration(member)) continue;
      if (!member.name || !ts.isIdentifier(member.name)) continue;
      members.set(member.name.text, { ...docOf(member), optional: member.questionToken !== undefined });
    }
    const heritage = (statement.heritageClauses ?? [])
      .filter((c) => c.token === ts.SyntaxKind.ExtendsKeyword)
      .flatMap((c) => c.types.map((t) => t.expression.getText(source)));
    out.set(statement.name.text, {
      description: docOf(statement).description,
      members,
      extends: ts.isInterfaceDeclaration(statement) ? heritage : [],
    });
  }
  return out;
}

/** A declaration's members including those of the interfaces it extends (found in `all`). */
export function membersOf(
  name: string,
  all: ReadonlyMap<string, DeclarationDoc>,
): ReadonlyMap<string, MemberDoc> {
  const declaration = all.get(name);
  if (!declaration) throw new Error(`schema: no declaration ${name} in the doc sources`);
  const members = new Map<string, MemberDoc>();
  for (const parent of declaration.extends) {
    if (!all.has(parent)) continue; // e.g. pulumi.dynamic.Resource
    for (const [k, v] of membersOf(parent, all)) members.set(k, v);
  }
  for (const [k, v] of declaration.members) members.set(k, v);
  return members;
}
