// The report formats by name (CLI.md --format).
import pkg from "../../../package.json";
import { jsonFormat } from "./json.js";
import { junitFormat } from "./junit.js";
import type { Format } from "./reporter.js";
import { sarifFormat } from "./sarif.js";
import { stylishFormat } from "./stylish.js";

export const FORMATS = ["stylish", "json", "sarif", "junit"];

export function formatFor(name: string, color: boolean): Format {
  if (name === "json") return jsonFormat;
  if (name === "sarif") return sarifFormat(pkg.version);
  if (name === "junit") return junitFormat;
  return stylishFormat(color);
}
