// The JSON encoding of messages written to a stream (--stdio): as vscode-jsonrpc's own, except a
// diagnostics notification whose list carries its JSON text (convert.ts, JSON_TEXT): that text is
// written as it is. LSP sends a document's whole list on every change; in an audit file that is
// thousands of diagnostics, and encoding them all again was most of a keystroke's time.
import { Message, PublishDiagnosticsNotification, type ContentTypeEncoder, type PublishDiagnosticsParams } from "vscode-languageserver/node";
import { asciiJson, JSON_TEXT, type DiagnosticList } from "./convert.js";

export const keptJsonEncoder: ContentTypeEncoder = {
  name: "application/json",
  encode: (msg, options) => {
    try {
      const parts = keptParts(msg);
      return Promise.resolve(parts ? Buffer.concat(parts) : Buffer.from(JSON.stringify(msg), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

const COMMA = Buffer.from(",");
const END = Buffer.from("]}}");

/** The message's JSON text in parts, when it is a diagnostics list with kept text (all ASCII, so as UTF-8). */
export function keptParts(msg: Message): Uint8Array[] | undefined {
  const params = Message.isNotification(msg) && msg.method === PublishDiagnosticsNotification.method ? (msg.params as PublishDiagnosticsParams) : undefined;
  const kept = (params?.diagnostics as DiagnosticList | undefined)?.[JSON_TEXT];
  if (!params || !kept) return undefined;
  const version = params.version === undefined ? "" : `,"version":${asciiJson(params.version)}`;
  const parts: Uint8Array[] = [Buffer.from(`{"jsonrpc":${asciiJson(msg.jsonrpc)},"method":"${PublishDiagnosticsNotification.method}","params":{"uri":${asciiJson(params.uri)}${version},"diagnostics":[`, "latin1")];
  kept.forEach((part, i) => (i ? parts.push(COMMA, part) : parts.push(part)));
  parts.push(END);
  return parts;
}
