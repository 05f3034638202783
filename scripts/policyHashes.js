'use strict';
/**
 * The SHA-256 hashes of a page's inline scripts and styles, written into its Content-Security-Policy
 * in place of two placeholders, once the page's bytes are final: only those inline elements run.
 * Hashes rather than 'unsafe-inline': an inline script or style that is not this build's own (a page
 * altered on a web server, markup slipped in through a record's text) is refused.
 * Used by verifier.html (everything inline, scripts/inlinePagePlugin.js) and by taskpane.html (its
 * start-up guard, src/taskpane/startupGuard.js).
 */
const crypto = require('crypto');
const webpack = require('webpack');

const NAME = 'PolicyHashesPlugin';
/** Where a page's policy takes the hashes. */
const SCRIPT_HASHES = '{inline-script-hashes}';
const STYLE_HASHES = '{inline-style-hashes}';

function sha256(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The contents of every inline element `tag` (no src) of a page. */
function inlineContents(html, tag) {
  const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(pattern)].filter((m) => !/\ssrc=/i.test(m[1] ?? '')).map((m) => m[2]);
}

/** The page with each placeholder replaced by the hashes of its inline elements of that kind ('none' when there are none). */
function withInlineHashes(html) {
  const hashes = (tag) => inlineContents(html, tag).map(sha256).join(' ') || "'none'";
  return html.split(SCRIPT_HASHES).join(hashes('script')).split(STYLE_HASHES).join(hashes('style'));
}

/** Fills the placeholders of one page, which must have at least one. */
class PolicyHashesPlugin {
  /** @param {{ filename: string }} options */
  constructor(options) {
    this.filename = options.filename;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      // Last of all, so the hashes are those of the bytes the browser gets.
      compilation.hooks.processAssets.tap({ name: NAME, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const page = compilation.getAsset(this.filename);
        if (page === undefined) return;
        const html = page.source.source().toString();
        if (!html.includes(SCRIPT_HASHES) && !html.includes(STYLE_HASHES)) {
          compilation.errors.push(new webpack.WebpackError(`${this.filename} : sa politique de sécurité doit contenir ${SCRIPT_HASHES} ou ${STYLE_HASHES}.`));
          return;
        }
        compilation.updateAsset(this.filename, new webpack.sources.RawSource(withInlineHashes(html)), { minimized: true });
      });
    });
  }
}

module.exports = { PolicyHashesPlugin, withInlineHashes, SCRIPT_HASHES, STYLE_HASHES };
