/** Types of scripts/addinUrl.js (plain CommonJS, because webpack.config.js requires it). */
export declare const DEV_URL: string;
export declare function addinUrlFrom(value: string | undefined): string;
export declare function manifestForUrl(manifestXml: string, addinUrl: string): string;
