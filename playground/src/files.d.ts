// The project's samples and exercises, bundled at build time by playground/build.mjs.
declare module "playground:files" {
  export interface BundledFile {
    /** File name without .encounter. */
    name: string;
    text: string;
  }
  export const samples: BundledFile[];
  export const exercises: BundledFile[];
}

interface Window {
  /** The language server's worker, started by boot.ts. */
  encounterServer?: Worker;
}
