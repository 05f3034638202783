'use strict';
/**
 * `npm run preview` (served by webpack-dev-server on http://localhost:3100) and
 * `npm run build:preview` (into dist-preview/, for the browser tests): the task pane beside the
 * simulated Excel. Apart from the add-in's build on purpose: the preview bundles papaparse (to load
 * a CSV) and the simulation, which the add-in's bundle must never hold; dist/ stays what the city
 * hosts.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { es2017Rules } = require('./scripts/es2017');

/** As the add-in's policy, without office.js: nothing is loaded from anywhere but the page's own origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const PREVIEW_PORT = 3100;

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    target: ['web', 'es2017'],
    entry: { preview: './src/preview/preview.ts' },
    output: {
      path: path.join(__dirname, 'dist-preview'),
      filename: '[name].[contenthash:8].js',
      cssFilename: '[name].[contenthash:8].css',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    // The pane's code, built as the add-in builds it (scripts/es2017.js); type-checked once by
    // `npm run build` (tsconfig.browser.json).
    module: { rules: es2017Rules(path.join(__dirname, 'tsconfig.preview.json'), { transpileOnly: production }) },
    experiments: { css: true },
    stats: 'minimal',
    // No eval-based source maps: the CSP forbids eval.
    devtool: production ? false : 'source-map',
    performance: false,
    // dist-preview/ is only for the browser tests (npm run preview serves its own development
    // build) and is never hosted: minifying it would only cost build time, about half of it.
    optimization: { minimize: false },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/preview/preview.html', filename: 'index.html', contentSecurityPolicy: CONTENT_SECURITY_POLICY }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/exemple-candidatures.csv', to: 'exemple-candidatures.csv' },
          { from: 'assets/icon-32.png', to: 'assets/icon-32.png' },
        ],
      }),
    ],
    devServer: env.WEBPACK_SERVE
      ? { port: PREVIEW_PORT, host: 'localhost', static: false, hot: false, liveReload: false, client: false, open: false }
      : undefined,
  };
};
