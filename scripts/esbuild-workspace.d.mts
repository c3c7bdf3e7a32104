// Types of esbuild-workspace.mjs, for the TypeScript that imports it (the bench's cold-start suite).
import type { BuildOptions, BuildResult, Plugin } from 'esbuild';

export declare const keepNodeModulesExternal: Plugin;
export declare function bundleLambda(options: {
  absWorkingDir: string;
  entryPoint: string;
  outfile: string;
}): Promise<
  BuildResult<{ metafile: true }> & {
    /** The files built beside `outfile` for the relative `require()`s of workspace source (load on first use). */
    readonly loadedOnFirstUse: readonly { readonly file: string; readonly bytes: number | undefined }[];
  }
>;
export declare function bundleForNode(options: BuildOptions): Promise<BuildResult>;
export declare function runBundle(file: string, args: readonly string[]): void;
