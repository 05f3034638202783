/**
 * The command line run in a process of its own, with its peak resident memory: measured by the
 * process itself (process.resourceUsage().maxRSS, in kB) when it exits, and written to a file so
 * its standard error stays what the user would see. No timing: memory bounds only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'tirage-cln.js');

export interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  maxRssKb: number;
}

export function runMeasured(argv: readonly string[], timeoutMs = 600_000): MeasuredRun {
  const dir = mkdtempSync(join(tmpdir(), 'tirage-rss-'));
  const figure = join(dir, 'maxrss');
  const wrapper = [
    "const fs = require('fs');",
    `process.on('exit', () => fs.writeFileSync(${JSON.stringify(figure)}, String(process.resourceUsage().maxRSS)));`,
    `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(1)];`,
    `require(${JSON.stringify(BIN)});`,
  ].join('\n');
  try {
    const run = spawnSync(process.execPath, ['-e', wrapper, ...argv], { encoding: 'utf8', timeout: timeoutMs });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, maxRssKb: Number(readFileSync(figure, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
