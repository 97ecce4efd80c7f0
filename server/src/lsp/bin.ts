#!/usr/bin/env node
// `encounter-language-server`: starts the server bundle (out/server-main.cjs, from main.ts) from
// V8's code cache (common/launch-bundle.ts).
import { launchBundle } from "../../../common/launch-bundle.js";

launchBundle(__dirname, "server-main", module);
