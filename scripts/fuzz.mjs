// `npm run fuzz [-- RUNS [SEED]]`: the fuzz suites of test/fuzz with many more cases than the
// bounded run in `npm test` (default 1000 per property; a new SEED explores new inputs).
import { spawnSync } from "node:child_process";

const [runs = "1000", seed] = process.argv.slice(2);
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed ? { FUZZ_SEED: seed } : {}) };
const r = spawnSync(process.execPath, ["scripts/run-tests.mjs", "test/fuzz"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
