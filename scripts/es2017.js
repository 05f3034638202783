'use strict';
/**
 * The add-in's pages are built to ES2017 syntax. Microsoft 365 builds without the WebView2 runtime
 * host add-ins in EdgeHTML (Edge Legacy), which meets ExcelApi 1.9 but cannot parse `??`, `?.`,
 * object spread, `0n` or `/\p{L}/u`: one such token anywhere and the whole script is refused, and
 * the pane stayed on « Chargement du volet… » (issue 13 §4; the webviews Office uses:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 *
 * TypeScript lowers our own code (ts-loader, `target` ES2017 in tsconfig.taskpane.json), except two
 * things no compiler lowers because they have no ES2017 equivalent: BigInt literals (`1n`) and
 * regular expressions written with ES2018 syntax (`\p{…}`, lookbehind). `es2017Transformer` writes
 * them as the calls that build the same values at run time, `BigInt("1")` and
 * `new RegExp("\\p{L}", "u")`: a webview that has those features gets exactly the same values, one
 * that lacks them (EdgeHTML has no BigInt) now parses the script and fails while running it, which
 * the page's start-up guard (src/taskpane/startupGuard.js) turns into a French message.
 *
 * Dependencies are not compiled by ts-loader: scripts/es2017Loader.js passes through each
 * module of node_modules that already parses as ES2017 (all of them today) and lowers the others
 * with TypeScript the same way.
 */
const path = require('path');
const acorn = require('acorn');
const ts = require('typescript');

/** Whether `code` parses as ES2017 (a script, or a module when it has import/export). */
function parsesAsEs2017(code, sourceType = 'module') {
  try {
    acorn.parse(code, { ecmaVersion: 2017, sourceType, allowHashBang: true });
    return true;
  } catch {
    return false;
  }
}

/** `/body/flags` → [body, flags]; the last slash ends the body (a slash inside it is escaped or in a class). */
function regexParts(literal) {
  const end = literal.lastIndexOf('/');
  return [literal.slice(1, end), literal.slice(end + 1)];
}

/**
 * A TypeScript transformer (runs before TypeScript's own lowering): BigInt literals become
 * `BigInt("…")` calls, and regular expression literals that ES2017 cannot parse become
 * `new RegExp("…", "…")`. Both build the same value as the literal, in any engine that has the
 * feature; regular expressions ES2017 parses are left as they are.
 */
function es2017Transformer(context) {
  const { factory } = context;
  const visit = (node) => {
    if (ts.isBigIntLiteral(node)) {
      // "0x1Fn", "1_000n": BigInt() reads decimal, hex, octal and binary strings; separators are not digits.
      const digits = node.text.slice(0, -1).replace(/_/g, '');
      return factory.createCallExpression(factory.createIdentifier('BigInt'), undefined, [factory.createStringLiteral(digits)]);
    }
    if (ts.isRegularExpressionLiteral(node) && !parsesAsEs2017(node.text, 'script')) {
      const [body, flags] = regexParts(node.text);
      return factory.createNewExpression(factory.createIdentifier('RegExp'), undefined, [factory.createStringLiteral(body), factory.createStringLiteral(flags)]);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

/**
 * The one diagnostic about syntax `es2017Transformer` rewrites, reported by TypeScript before any
 * transformer runs: TS2737, « BigInt literals are not available when targeting lower than ES2020 ».
 * Any other error still fails the build (TypeScript 5.9 does not check regular expressions against
 * the target).
 */
const REWRITTEN_SYNTAX_DIAGNOSTICS = [2737];

/** Lowers one module of node_modules to ES2017 when it does not parse as ES2017 already. */
function lowerToEs2017(code, fileName) {
  if (parsesAsEs2017(code)) return { code, lowered: false };
  const output = ts.transpileModule(code, {
    fileName,
    compilerOptions: { allowJs: true, target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.ESNext, sourceMap: false },
    transformers: { before: [es2017Transformer] },
  });
  return { code: output.outputText, lowered: true };
}

/**
 * The rules every browser page's webpack config uses: TypeScript through ts-loader (type-checked
 * with `configFile`, lowered to ES2017), and the JavaScript of node_modules through es2017Loader.
 */
function es2017Rules(configFile, { transpileOnly = false } = {}) {
  return [
    {
      test: /\.ts$/,
      exclude: /node_modules/,
      use: {
        loader: 'ts-loader',
        // transpileOnly only where the caller type-checks otherwise (`npm run build` runs tsconfig.browser.json).
        options: {
          configFile,
          transpileOnly,
          ignoreDiagnostics: REWRITTEN_SYNTAX_DIAGNOSTICS,
          getCustomTransformers: () => ({ before: [es2017Transformer] }),
        },
      },
    },
    {
      test: /\.m?js$/,
      include: /node_modules/,
      use: { loader: path.join(__dirname, 'es2017Loader.js') },
    },
  ];
}

module.exports = { parsesAsEs2017, es2017Transformer, lowerToEs2017, es2017Rules, REWRITTEN_SYNTAX_DIAGNOSTICS };
