// The document and its settings in the URL's hash, so a link reproduces what its author saw:
//   #code=<text, deflate-raw compressed, base64url>&setting=hopd&payer=medicare&exercise=01-rchop
// The hash never reaches a server. Decoding a damaged link gives an error message, not a throw.

export interface Shared {
  text: string;
  setting?: string;
  payer?: string;
  /** The exercise (file name without .encounter) when the link opens in exercise mode. */
  exercise?: string;
  /** The sample or file name the document was opened as. */
  name?: string;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join("")).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

export async function encodeHash(s: Shared): Promise<string> {
  const code = toBase64Url(await pipe(new TextEncoder().encode(s.text), new CompressionStream("deflate-raw")));
  const params = new URLSearchParams();
  if (s.name) params.set("name", s.name);
  if (s.setting) params.set("setting", s.setting);
  if (s.payer) params.set("payer", s.payer);
  if (s.exercise) params.set("exercise", s.exercise);
  // The code goes last and unescaped: base64url needs no escaping, and the link stays readable.
  return `#${params.toString()}${params.size ? "&" : ""}code=${code}`;
}

/** The shared document in a hash, undefined when there is none, or an error in plain words. */
export async function decodeHash(hash: string): Promise<Shared | { error: string } | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const code = params.get("code");
  if (code === null) return undefined;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await pipe(fromBase64Url(code), new DecompressionStream("deflate-raw")));
    const opt = (k: string) => params.get(k) || undefined;
    return { text, name: opt("name"), setting: opt("setting"), payer: opt("payer"), exercise: opt("exercise") };
  } catch {
    return { error: "This link's encounter text is damaged or cut short (was the whole link copied?). A sample is shown instead." };
  }
}
