// The playground page: Monaco on the left, the preview (timeline, derived claim, findings) on the
// right, all served by the language server in a Web Worker. The document lives in the URL's hash.
import * as monaco from "monaco-editor/editor/editor.api.js";
import "./editor-features.js";
import { exercises, samples, type BundledFile } from "playground:files";
import languageConfiguration from "../../language-configuration.json";
import { DEFAULT_SETTINGS, PreviewRequest, type EncounterSettings, type PreviewResult } from "../../common/protocol.js";
import { PAYERS } from "../../server/src/data/payers/index.js";
import { LANGUAGE_ID, startClient, type Client } from "./lsp-client.js";
import { GradeRequest, type GradeParams, type GradeResult } from "./protocol.js";
import { decodeHash, encodeHash, type Shared } from "./share.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  sample: $<HTMLSelectElement>("sample"),
  setting: $<HTMLSelectElement>("setting"),
  payer: $<HTMLSelectElement>("payer"),
  exerciseMode: $<HTMLInputElement>("exercise-mode"),
  copy: $<HTMLButtonElement>("copy-link"),
  download: $<HTMLButtonElement>("download"),
  grade: $<HTMLButtonElement>("grade"),
  score: $<HTMLPreElement>("score"),
  notice: $<HTMLDivElement>("notice"),
  preview: $<HTMLIFrameElement>("preview"),
  status: $<HTMLSpanElement>("status"),
  refresh: $<HTMLButtonElement>("refresh-preview"),
};
const FIRST_SAMPLE = "folfox-medicare-pump";

/** What is open: its name, and the exercise text when it is one (the key is derived from it). */
let open: { name: string; exercise?: BundledFile } = { name: FIRST_SAMPLE };

self.MonacoEnvironment = { getWorker: () => new Worker("editor.worker.js") };
monaco.languages.register({ id: LANGUAGE_ID, extensions: [".encounter"], aliases: ["Encounter"] });
monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
  ...languageConfiguration,
  brackets: [],
  surroundingPairs: languageConfiguration.surroundingPairs.map(([open, close]) => ({ open, close })),
  wordPattern: new RegExp(languageConfiguration.wordPattern),
  folding: { markers: { start: new RegExp(languageConfiguration.folding.markers.start), end: new RegExp(languageConfiguration.folding.markers.end) } },
  indentationRules: { increaseIndentPattern: new RegExp(languageConfiguration.indentationRules.increaseIndentPattern), decreaseIndentPattern: new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern) },
});
// Colours for the server's semantic token types (service/semantic-tokens.ts), as VS Code's Light+ draws them.
monaco.editor.defineTheme("encounter-light", {
  base: "vs", inherit: true, colors: {},
  rules: [
    { token: "keyword", foreground: "0000ff" }, { token: "function", foreground: "795e26" }, { token: "variable", foreground: "001080" },
    { token: "number", foreground: "098658" }, { token: "string", foreground: "a31515" }, { token: "comment", foreground: "008000" },
    { token: "enumMember", foreground: "0070c1" }, { token: "operator", foreground: "000000" },
  ],
});
const editor = monaco.editor.create($("editor"), {
  theme: "encounter-light", automaticLayout: true, minimap: { enabled: false }, "semanticHighlighting.enabled": true,
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On }, fixedOverflowWidgets: true, fontSize: 14, scrollBeyondLastLine: false,
});

function currentSettings(): EncounterSettings {
  return {
    ...DEFAULT_SETTINGS,
    defaults: { ...(ui.setting.value ? { setting: ui.setting.value as "office" | "hopd" | "home" } : {}), ...(ui.payer.value ? { payer: ui.payer.value } : {}) },
    exerciseMode: ui.exerciseMode.checked,
  };
}

function fillMenus() {
  const group = (label: string, files: BundledFile[], prefix: string) => {
    const g = document.createElement("optgroup");
    g.label = label;
    for (const f of files) g.append(new Option(f.name, `${prefix}:${f.name}`));
    ui.sample.append(g);
  };
  group("Samples", samples, "sample");
  group("Exercises (derived codes hidden)", exercises, "exercise");
  for (const p of PAYERS) ui.payer.append(new Option(p.title, p.id));
}

/** Opens a document in the editor and the server; exercises open in exercise mode. */
function load(client: Client, doc: Shared) {
  const exercise = doc.exercise ? exercises.find((e) => e.name === doc.exercise) : undefined;
  open = { name: doc.name ?? exercise?.name ?? "untitled", exercise };
  ui.setting.value = doc.setting ?? "";
  ui.payer.value = doc.payer ?? "";
  ui.exerciseMode.checked = !!exercise;
  ui.sample.value = exercise ? `exercise:${exercise.name}` : `sample:${open.name}`;
  ui.grade.hidden = !exercise;
  ui.score.textContent = "";
  client.configure(currentSettings());
  const old = editor.getModel();
  const model = monaco.editor.createModel(doc.text, LANGUAGE_ID, monaco.Uri.parse(`inmemory://playground/${encodeURIComponent(open.name)}.encounter`));
  editor.setModel(model);
  client.open(model);
  old?.dispose();
  model.onDidChangeContent(() => scheduleHash());
}

let hashTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleHash() {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(() => void updateHash(), 300);
}
async function updateHash() {
  const model = editor.getModel();
  if (!model) return;
  const hash = await encodeHash({ text: model.getValue(), name: open.name, setting: ui.setting.value, payer: ui.payer.value, exercise: open.exercise?.name });
  history.replaceState(null, "", hash);
}

/** Past this size the preview (every encounter's timeline and tables) costs more than a keystroke
 * may, so it waits for the Refresh button instead of following the typing. */
const LIVE_PREVIEW_CHARS = 30_000;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePreview(client: Client, force = false) {
  clearTimeout(previewTimer);
  const model = editor.getModel();
  const live = force || (model?.getValueLength() ?? 0) <= LIVE_PREVIEW_CHARS;
  ui.refresh.hidden = live;
  if (!live) return;
  previewTimer = setTimeout(async () => {
    if (!model || model.isDisposed()) return;
    // Refused (ServerCancelled) when the text changed while the page was being made: the page
    // stays as it was, and the findings of that change schedule the next one.
    const r = await client.connection.sendRequest<PreviewResult>(PreviewRequest, { uri: model.uri.toString() }).catch(() => undefined);
    if (!r) return;
    // A srcdoc frame resolves links against this page's address: without this base, a link to a
    // code or rule at the end of the preview would load the playground inside the frame.
    ui.preview.srcdoc = r.html.replace("<head>", '<head><base href="about:srcdoc">');
  }, force ? 0 : 200);
}

async function grade(client: Client) {
  const model = editor.getModel();
  if (!model || !open.exercise) return;
  const params: GradeParams = { name: open.exercise.name, exercise: open.exercise.text, answer: model.getValue() };
  const r: GradeResult = await client.connection.sendRequest(GradeRequest, params);
  ui.score.textContent = `${open.exercise.name}.encounter: ${r.score}/${r.total}${r.notes.length ? `\n  ${r.notes.join("\n  ")}` : "\n  Every encounter is coded right."}`;
  ui.score.className = r.score === r.total ? "full" : "short";
}

function wireButtons(client: Client) {
  ui.sample.onchange = () => {
    const [kind, name] = ui.sample.value.split(/:(.*)/);
    const file = (kind === "exercise" ? exercises : samples).find((f) => f.name === name);
    if (file) load(client, kind === "exercise" ? { text: file.text, exercise: file.name } : { text: file.text, name: file.name });
    void updateHash();
  };
  const reconfigure = () => {
    client.configure(currentSettings());
    void updateHash();
  };
  ui.setting.onchange = ui.payer.onchange = ui.exerciseMode.onchange = reconfigure;
  ui.copy.onclick = async () => {
    await updateHash();
    await navigator.clipboard.writeText(location.href).then(() => say("Link copied. It holds the whole document: nothing is stored anywhere else."), () => say(`Copy this link: ${location.href}`));
  };
  ui.download.onclick = () => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([editor.getValue()], { type: "text/plain" }));
    a.download = `${open.name}.encounter`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  ui.grade.onclick = () => void grade(client);
  ui.refresh.onclick = () => schedulePreview(client, true);
}

function say(message: string) {
  ui.notice.textContent = message;
  ui.notice.hidden = !message;
}

async function main() {
  fillMenus();
  const client = await startClient(window.encounterServer ?? new Worker("server.worker.js"), currentSettings());
  let first = true;
  client.onDiagnostics((_uri, diagnostics, version) => {
    // For tests and the benchmark: when the first findings came (milliseconds since the page was
    // requested: performance.now() counts from navigation start), and which edit they are for.
    if (first) document.body.dataset.firstDiagnosticsMs = String(Math.round(performance.now()));
    document.body.dataset.checkedVersion = String(version);
    first = false;
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    ui.status.textContent = diagnostics.length ? `${diagnostics.length} finding${diagnostics.length === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"})` : "No findings";
    schedulePreview(client);
  });
  wireButtons(client);
  const shared = await decodeHash(location.hash);
  if (shared && "error" in shared) say(shared.error);
  const fallback = samples.find((s) => s.name === FIRST_SAMPLE) ?? samples[0];
  load(client, shared && !("error" in shared) ? shared : { text: fallback.text, name: fallback.name });
  window.addEventListener("hashchange", async () => {
    const next = await decodeHash(location.hash);
    if (next && !("error" in next) && next.text !== editor.getValue()) load(client, next);
  });
  editor.focus();
}

void main();
