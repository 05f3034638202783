#!/usr/bin/env node
'use strict';
// The compiled command line (built by `npm ci` / `npm run build` into dist/).
require('../dist/cli/main.js').main();
