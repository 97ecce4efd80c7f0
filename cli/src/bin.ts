#!/usr/bin/env node
// `encounter-lint`: starts the CLI bundle (out/cli-main.cjs) from V8's code cache (common/launch-bundle.ts).
import { launchBundle } from "../../common/launch-bundle.js";

launchBundle(__dirname, "cli-main", module);
