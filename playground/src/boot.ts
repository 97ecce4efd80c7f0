// Loaded before the editor's bundle: starts the language server's worker at once, so the server
// loads and builds its grammar while the page is still parsing Monaco.
window.encounterServer = new Worker("server.worker.js");
