export { generateSchema, type PackageSchema, schemaText } from "./package-schema.js";
