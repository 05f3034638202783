/** Types of scripts/es2017.js (plain CommonJS, because the webpack configs require it). */
import type { RuleSetRule } from 'webpack';
import type { TransformerFactory, SourceFile } from 'typescript';
export declare const REWRITTEN_SYNTAX_DIAGNOSTICS: readonly number[];
export declare function parsesAsEs2017(code: string, sourceType?: 'script' | 'module'): boolean;
export declare const es2017Transformer: TransformerFactory<SourceFile>;
export declare function lowerToEs2017(code: string, fileName: string): { code: string; lowered: boolean };
export declare function es2017Rules(configFile: string): RuleSetRule[];
