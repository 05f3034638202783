'use strict';
/**
 * Builds the Excel add-in into dist/, which is exactly what the city hosts over https:
 * taskpane.html and its bundle, commands.html (the ribbon's function file), aide.html (support
 * page), guide-seance.html (the staff's guide, made from docs/guide-seance.md), verifier.html (the
 * self-contained page residents check a record with, issue 10), the icons, and manifest.xml with
 * every URL under ADDIN_URL (scripts/addinUrl.js).
 * `npm run build` runs it after the Node build (lib/); `npm run dev-server` serves it over https
 * on localhost:3000 with the office-addin-dev-certs certificate.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MarkdownIt = require('markdown-it');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinUrlFrom, manifestForUrl } = require('./scripts/addinUrl');
const { BrowserOnlyBundlePlugin } = require('./scripts/browserOnlyBundlePlugin');
const { es2017Rules } = require('./scripts/es2017');
const { InlinePagePlugin } = require('./scripts/inlinePagePlugin');
const { PolicyHashesPlugin, SCRIPT_HASHES, STYLE_HASHES } = require('./scripts/policyHashes');
const { config: packageConfig } = require('./package.json');

const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * One policy for every page. Scripts: our own files and Microsoft's office.js CDN, nothing else
 * (no eval, no inline script but the task pane's start-up guard, admitted by its hash). Styles
 * allow 'unsafe-inline' only because Excel on the web's office.js sets inline styles (office-js
 * issue 1687); nothing else is loaded from anywhere but the add-in's own origin, and the add-in
 * makes no request of its own.
 *
 * Frames: none. office.js, three seconds after loading, frames
 * https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html, a
 * hidden page that forwards its own usage logs to Microsoft (OSF.Logger's ULSEndpointProxy in
 * o15apptofilemappingtable.js). We refuse it, on purpose: the pane needs nothing from it (office.js
 * only buffers its logs; a failing proxy is « by design » harmless, office-js #1125, #696, #1627),
 * the add-in promises that nothing leaves the workbook but through Excel, and an allowed origin
 * could put any of its pages inside the pane. Microsoft publishes no list of the origins office.js
 * needs (office-js #1005): each is decided on evidence, and test/taskpane/realOfficeJs.test.ts
 * loads the real office.js under this policy and fails on any other refusal.
 */
function contentSecurityPolicy({ inlineScripts }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${new URL(OFFICE_JS_URL).origin}${inlineScripts ? ` ${SCRIPT_HASHES}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The task pane's start-up guard (src/taskpane/startupGuard.js, plain ES5 so that any webview runs
 * it), written into taskpane.html, where html-webpack-plugin minifies it with the page. Read when
 * the build starts (the development server does not reload it).
 */
function startupGuardScript() {
  return fs.readFileSync(path.join(__dirname, 'src', 'taskpane', 'startupGuard.js'), 'utf8').trim();
}

/**
 * verifier.html, the page residents open from a disk or a USB key to check a published record
 * (issue 10): nothing from anywhere, not even its own origin; only its own inline script and
 * styles, by their hashes (scripts/inlinePagePlugin.js). No connect-src: the record is read with
 * the File API, which no policy governs, and nothing may be sent. `worker-src blob:`: the check runs
 * in a worker made from the page's own script as a blob URL (src/verifier/backgroundCheck.ts), so a
 * large record does not hold the page still; the worker keeps this policy.
 */
const VERIFIER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${SCRIPT_HASHES}`,
  `style-src ${STYLE_HASHES}`,
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The whole verifier page, script and styles inline (issue 10). */
const VERIFIER_BUDGET_BYTES = 400 * 1024;

/** The task pane's minified JavaScript, office.js excluded, must stay within this (issue 7, §3). */
const BUNDLE_BUDGET_BYTES = 250 * 1024;

/**
 * The dev certificate written by `npx office-addin-dev-certs install`, read directly: that
 * command cannot trust its CA without administrator rights and its getHttpsServerOptions()
 * then rejects, but the files themselves serve https fine.
 */
function devCertificate() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const missing = Object.values(files).filter((name) => !fs.existsSync(path.join(dir, name)));
  if (missing.length > 0) {
    throw new Error(
      `Certificat de développement absent (${missing.join(', ')} dans ${dir}) : lancez « npx office-addin-dev-certs install » puis relancez npm run dev-server.`,
    );
  }
  return Object.fromEntries(Object.entries(files).map(([key, name]) => [key, fs.readFileSync(path.join(dir, name))]));
}

function page(template, filename, chunks, options = {}) {
  return new HtmlWebpackPlugin({
    template,
    filename,
    chunks,
    contentSecurityPolicy: contentSecurityPolicy({ inlineScripts: options.startupGuard !== undefined }),
    officeJsUrl: OFFICE_JS_URL,
    ...options,
  });
}

/**
 * The guide for the staff who run the session: written once, in docs/guide-seance.md, and made
 * here into guide-seance.html, linked from aide.html. `html: false`: any HTML in the text is shown
 * as text, so the page holds no script and the CSP above applies to it as to every page.
 */
function guideHtml() {
  const markdown = fs.readFileSync(path.join(__dirname, 'docs', 'guide-seance.md'), 'utf8');
  return new MarkdownIt({ html: false, linkify: false, typographer: false }).render(markdown);
}

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  const addinUrl = addinUrlFrom(process.env.ADDIN_URL);
  return {
    mode: production ? 'production' : 'development',
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
      verifier: './src/verifier/verifier.ts',
    },
    output: {
      path: path.join(__dirname, 'dist'),
      // Hashed names: Office caches add-in files hard, a new build must get new names.
      filename: '[name].[contenthash:8].js',
      // Chunks loaded later (the .xlsx writer, on the first « Ouvrir … ») sit beside taskpane.html: a
      // relative path, rather than webpack's run-time detection of the script's own address.
      publicPath: '',
      cssFilename: '[name].[contenthash:8].css',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    // ES2017 syntax, dependencies included: older Windows webviews parse nothing newer (scripts/es2017.js).
    // A type error fails the build: `npm run build` checks the browser code once (tsconfig.browser.json),
    // so production bundles are only transpiled here; the development server checks as it rebuilds.
    module: { rules: es2017Rules(path.join(__dirname, 'tsconfig.taskpane.json'), { transpileOnly: production }) },
    // webpack's own CSS support: the stylesheet becomes a hashed file linked from the page.
    experiments: { css: true },
    stats: production ? 'minimal' : 'normal',
    // The .xlsx writer the pane loads on its first « Ouvrir … » is one file, its zip library inside:
    // no chunk split off for what the libraries alone weigh.
    optimization: { splitChunks: false },
    // No eval-based source maps: the CSP forbids eval, in development too.
    devtool: production ? false : 'source-map',
    performance: production
      ? {
          hints: 'error',
          maxAssetSize: BUNDLE_BUDGET_BYTES,
          maxEntrypointSize: BUNDLE_BUDGET_BYTES,
          assetFilter: (name) => name.endsWith('.js'),
        }
      : false,
    plugins: [
      page('./src/taskpane/taskpane.html', 'taskpane.html', ['taskpane'], { startupGuard: startupGuardScript() }),
      new PolicyHashesPlugin({ filename: 'taskpane.html' }),
      page('./src/commands/commands.html', 'commands.html', ['commands']),
      page('./src/taskpane/aide.html', 'aide.html', []),
      page('./src/taskpane/guide-seance.html', 'guide-seance.html', [], { guideHtml: guideHtml() }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestForUrl(content.toString('utf8'), addinUrl) },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
        ],
      }),
      new BrowserOnlyBundlePlugin(),
      new HtmlWebpackPlugin({
        template: './src/verifier/verifier.html',
        filename: 'verifier.html',
        chunks: ['verifier'],
        scriptLoading: 'blocking',
        contentSecurityPolicy: VERIFIER_CONTENT_SECURITY_POLICY,
      }),
      // The budget is the published page's; an unminified development build is larger.
      new InlinePagePlugin({ filename: 'verifier.html', maxBytes: production ? VERIFIER_BUDGET_BYTES : Infinity }),
    ],
    devServer: env.WEBPACK_SERVE
      ? {
          port: packageConfig.dev_server_port,
          server: { type: 'https', options: devCertificate() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
        }
      : undefined,
  };
};
