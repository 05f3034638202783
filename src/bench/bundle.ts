/**
 * The task pane's JavaScript as the city serves it: the bytes of the scripts dist/taskpane.html
 * loads from the add-in's own folder (minified by the production build). office.js, loaded from
 * Microsoft's CDN, is not counted: the budget of issue 7 (250 KB) excludes it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The local script files a built HTML page loads, in page order. */
export function localScripts(html: string): string[] {
  // The page is our own webpack output (html-webpack-plugin, minified: attribute quotes may go).
  const sources = [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  return sources.filter((src) => !/^[a-z]+:/i.test(src) && !src.startsWith('//'));
}

/**
 * The scripts of dist/ that no page loads at start: chunks the task pane loads on demand (the .xlsx
 * writer, on the first « Ouvrir … »), outside the start-up budget but measured all the same.
 */
export function deferredScripts(distDir: string): string[] {
  const loaded = new Set(['taskpane.html', 'commands.html'].flatMap((page) => localScripts(fs.readFileSync(path.join(distDir, page), 'utf8'))));
  return fs
    .readdirSync(distDir)
    .filter((file) => file.endsWith('.js') && !loaded.has(file))
    .sort();
}

export function deferredBundleBytes(distDir: string): number {
  return deferredScripts(distDir).reduce((total, file) => total + fs.statSync(path.join(distDir, file)).size, 0);
}

export function taskpaneBundleBytes(distDir: string): number {
  const html = fs.readFileSync(path.join(distDir, 'taskpane.html'), 'utf8');
  const scripts = localScripts(html);
  if (scripts.length === 0) throw new Error(`${distDir}/taskpane.html ne charge aucun script local : lancez npm run build.`);
  return scripts.reduce((total, src) => total + fs.statSync(path.join(distDir, src)).size, 0);
}
