#!/usr/bin/env node
'use strict';
// The compiled command line (built by `npm ci` / `npm run build` into lib/; dist/ is the add-in).
require('../lib/cli/main.js').main();
