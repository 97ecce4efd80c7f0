// Whether the stylish report is coloured, as ESLint and most tools decide it: an explicit flag
// first, then NO_COLOR (https://no-color.org) and FORCE_COLOR, then "a terminal, not a file".
export function useColor(argv: string[], env: NodeJS.ProcessEnv, isTTY: boolean, toFile: boolean): boolean {
  // The last of --color/--no-color wins, as with any repeated switch.
  const flag = argv.filter((a) => a === "--color" || a === "--no-color").pop();
  if (flag) return flag === "--color";
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !["0", "false"].includes(env.FORCE_COLOR);
  return isTTY && !toFile;
}
