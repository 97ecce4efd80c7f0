// The workspace's .encounter files, so the Problems panel shows the whole sample set.
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const SKIP = new Set(["node_modules", ".git", "out"]);

export async function findEncounterFiles(dir: string, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith(".")) await findEncounterFiles(join(dir, e.name), out);
    else if (e.isFile() && e.name.endsWith(".encounter")) out.push(join(dir, e.name));
  }
  return out;
}
