'use strict';
/**
 * Makes one html-webpack-plugin page self-contained, for verifier.html, which residents open from
 * a disk or a USB key (file://, where nothing else can be fetched): its entry's scripts and
 * stylesheets are written into the page, their files dropped from the output (so the task pane's
 * bundle budget never sees them), and the page's Content-Security-Policy receives the SHA-256 of
 * each inline script and style — only those run, nothing is loaded. The page must stay within
 * `maxBytes`, or the build fails.
 *
 * html-inline-script-webpack-plugin would inline the scripts but leaves the policy to us, which
 * is the part that matters (scripts/policyHashes.js); the inlining itself is a dozen lines.
 */
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const { withInlineHashes, SCRIPT_HASHES, STYLE_HASHES } = require('./policyHashes');

const NAME = 'InlinePagePlugin';

/**
 * Terser moves the libraries' license comments to a side file and leaves a pointer to it; a
 * self-contained page keeps the comments themselves instead.
 */
function withLicenses(script, licenseAsset) {
  if (licenseAsset === undefined) return script;
  const pointer = /^\/\*! For license information please see [^*]+\*\/\n?/;
  return script.replace(pointer, `${licenseAsset.source.source().toString().trim()}\n`);
}

class InlinePagePlugin {
  /** @param {{ filename: string, maxBytes: number }} options */
  constructor(options) {
    this.filename = options.filename;
    this.maxBytes = options.maxBytes;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      const inlined = new Set();
      const hooks = HtmlWebpackPlugin.getHooks(compilation);

      hooks.alterAssetTagGroups.tap(NAME, (data) => {
        if (data.outputName !== this.filename) return data;
        const inline = (tag) => {
          const url = tag.tagName === 'script' ? tag.attributes.src : tag.tagName === 'link' && tag.attributes.rel === 'stylesheet' ? tag.attributes.href : undefined;
          if (typeof url !== 'string') return tag;
          const file = decodeURIComponent(url.replace(/^(\.\/)+/, '').split(/[?#]/)[0]);
          const asset = compilation.getAsset(file);
          if (asset === undefined) {
            compilation.errors.push(new webpack.WebpackError(`${this.filename} : « ${url} » n’est pas un fichier de cette construction, il ne peut pas être inclus dans la page.`));
            return tag;
          }
          // « </script » (in the dev server's client, say) would end the element for the HTML parser; « <\/script »
          // means the same in a JavaScript string, template or regular expression, and in CSS (Terser does the same).
          const text = withLicenses(asset.source.source().toString(), compilation.getAsset(`${file}.LICENSE.txt`)).replace(/<\/(script|style)/gi, '<\\/$1');
          inlined.add(file);
          return { tagName: tag.tagName === 'script' ? 'script' : 'style', voidTag: false, meta: tag.meta, attributes: {}, innerHTML: text };
        };
        // Scripts at the end of the body: an inline script cannot be deferred, and the page's script reads its elements.
        const scripts = [...data.headTags, ...data.bodyTags].filter((t) => t.tagName === 'script').map(inline);
        data.headTags = data.headTags.filter((t) => t.tagName !== 'script').map(inline);
        data.bodyTags = [...data.bodyTags.filter((t) => t.tagName !== 'script').map(inline), ...scripts];
        return data;
      });

      // After html-webpack-plugin has read them (it writes pages at the OPTIMIZE_INLINE stage), and before
      // webpack gives them their final content-hashed names (OPTIMIZE_HASH), which would lose track of them.
      compilation.hooks.processAssets.tap({ name: NAME, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        for (const file of inlined) {
          compilation.deleteAsset(file);
          compilation.deleteAsset(`${file}.LICENSE.txt`);
        }
      });

      // Last of all, once every minimizer has rewritten the page (webpack minifies HTML, inline
      // scripts and styles included), so the hashes are those of the bytes the browser gets.
      compilation.hooks.processAssets.tap({ name: NAME, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const page = compilation.getAsset(this.filename);
        if (page === undefined) return;
        let html = page.source.source().toString();
        if (!html.includes(SCRIPT_HASHES) || !html.includes(STYLE_HASHES)) {
          compilation.errors.push(new webpack.WebpackError(`${this.filename} : sa politique de sécurité doit contenir ${SCRIPT_HASHES} et ${STYLE_HASHES}.`));
          return;
        }
        html = withInlineHashes(html);
        const size = Buffer.byteLength(html, 'utf8');
        if (size > this.maxBytes) {
          compilation.errors.push(
            new webpack.WebpackError(`${this.filename} pèse ${Math.ceil(size / 1024)} Ko, au-delà de son budget de ${this.maxBytes / 1024} Ko (issue 10).`),
          );
        }
        compilation.updateAsset(this.filename, new webpack.sources.RawSource(html), { minimized: true });
      });
    });
  }
}

module.exports = { InlinePagePlugin };
