// `npm start`: lint the bundled samples. Findings are the point of the samples (many carry a
// deliberate coding error), so exit status 1 (findings) is success here; 2 (a crash or bad
// usage) is passed on.
import { spawnSync } from "node:child_process";

const r = spawnSync(process.execPath, ["out/cli.cjs", "samples", ...process.argv.slice(2)], { stdio: "inherit" });
if (r.status === 1) console.log("\nThe samples above are meant to show findings: each sample's first line names the ones it expects.");
process.exit(r.status === 1 ? 0 : (r.status ?? 2));
