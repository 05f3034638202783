#!/usr/bin/env node
'use strict';
/**
 * Renders assets/icon.svg to the PNG icons the manifest names (assets/icon-16.png … icon-80.png),
 * with Debian's Chromium through playwright-core: the browser's own rasteriser gives smooth edges
 * at 16 px, which a hand-drawn bitmap would not. Run it after changing the SVG, then commit the
 * PNGs (the build only copies them): `node scripts/make-icons.js`.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const SIZES = [16, 32, 64, 80];
const ASSETS = path.join(__dirname, '..', 'assets');

async function main() {
  const svg = fs.readFileSync(path.join(ASSETS, 'icon.svg'), 'utf8');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-icons-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await context.newPage();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      const file = path.join(ASSETS, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exitCode = 1;
});
