/** Types of scripts/browserOnlyBundlePlugin.js (plain CommonJS, because webpack.config.js requires it). */
import type { Compiler, WebpackPluginInstance } from 'webpack';
export declare const NODE_ONLY_PACKAGES: readonly string[];
export declare class BrowserOnlyBundlePlugin implements WebpackPluginInstance {
  apply(compiler: Compiler): void;
}
