/**
 * The simulated Excel as one browser script (test/support/browser/simulatedExcelGlobal.ts bundled
 * by webpack, a devDependency), to stand for Excel under the production task pane in Chromium.
 * Built once per test file into a temporary folder; the add-in's dist/ is never touched.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { ROOT } from './addinBuild';

export async function simulatedExcelBundle(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-simulated-excel-'));
  try {
    const compiler = webpack({
      mode: 'development',
      target: ['web', 'es2020'],
      // An init script is evaluated as a plain script: no eval-wrapped modules, no source map.
      devtool: false,
      entry: path.join(__dirname, 'browser', 'simulatedExcelGlobal.ts'),
      output: { path: out, filename: 'simulated-excel.js' },
      resolve: { extensions: ['.ts', '.js'] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            // Types are checked by `npm run typecheck`; here only transpiled, for speed.
            use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.taskpane.json'), compilerOptions: { rootDir: ROOT } } },
          },
        ],
      },
      stats: 'errors-only',
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      compiler.run((error, result) => {
        // Closed whatever happened: webpack keeps its caches and watchers open until then.
        compiler.close(() => (error || !result ? reject(error ?? new Error('webpack : aucun résultat')) : resolve(result)));
      });
    });
    if (stats.hasErrors()) throw new Error(`Le script de l’Excel simulé n’a pas pu être construit :\n${stats.toString('errors-only')}`);
    return fs.readFileSync(path.join(out, 'simulated-excel.js'), 'utf8');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
