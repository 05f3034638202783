'use strict';
/**
 * webpack loader for the JavaScript of node_modules in the add-in's pages: a module that already
 * parses as ES2017 passes through untouched (the same bytes, the same source map); any other is
 * lowered to ES2017 by TypeScript (scripts/es2017.js says why).
 */
const { lowerToEs2017 } = require('./es2017');

module.exports = function es2017Loader(source, inputSourceMap) {
  const { code, lowered } = lowerToEs2017(source, this.resourcePath);
  this.callback(null, code, lowered ? undefined : inputSourceMap);
};
