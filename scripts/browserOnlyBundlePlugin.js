'use strict';
/**
 * A webpack plugin that fails the add-in's build when a Node-only package reaches a bundle:
 * exceljs, papaparse and jszip would bloat the task pane past its budget and do not belong in
 * Office's webview (the pane reaches the workbook through src/excel and office.js). Node's
 * built-in modules (fs, path…) need no rule: webpack 5 already refuses them for a web target.
 */
const path = require('path');
const webpack = require('webpack');

const NODE_ONLY_PACKAGES = ['exceljs', 'papaparse', 'jszip'];
const NODE_ONLY_MODULE = new RegExp(`node_modules[\\\\/](${NODE_ONLY_PACKAGES.join('|')})[\\\\/]`);

/** "node_modules/papaparse/papaparse.min.js": the package's own path, the same wherever node_modules is (a git worktree links it). */
function packagePath(resource) {
  return resource.slice(resource.search(NODE_ONLY_MODULE)).split(path.sep).join('/');
}

class BrowserOnlyBundlePlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('BrowserOnlyBundlePlugin', (compilation) => {
      compilation.hooks.finishModules.tap('BrowserOnlyBundlePlugin', (modules) => {
        for (const module of modules) {
          if (typeof module.resource === 'string' && NODE_ONLY_MODULE.test(module.resource)) {
            compilation.errors.push(
              new webpack.WebpackError(
                `Une page du complément (volet de tâches ou page de vérification) importe ${packagePath(module.resource)}, ` +
                  'un module réservé à Node.js : ces pages passent par src/excel (office.js) et src/xlsx, jamais par src/file.',
              ),
            );
          }
        }
      });
    });
  }
}

module.exports = { BrowserOnlyBundlePlugin, NODE_ONLY_PACKAGES };
