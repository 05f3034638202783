/**
 * `npm run dev-server`: webpack-dev-server over https on localhost with the certificate files
 * office-addin-dev-certs writes, read directly (its own getHttpsServerOptions() rejects when the
 * CA cannot be trusted, as on these machines). A throw-away HOME keeps the developer's own
 * certificate out of it; the page is fetched with that CA, so the chain is really verified.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { generateCertificates } from 'office-addin-dev-certs';
import { ROOT } from '../support/addinBuild';

const WEBPACK_CLI = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Served {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function devServer(home: string, port: number): Served {
  const child = spawn(process.execPath, [WEBPACK_CLI, 'serve', '--mode', 'development', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Resolves once `pattern` appears in the output; rejects if the process ends first or after 120 s. */
async function waitForOutput(served: Served, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!pattern.test(served.output())) {
    if (served.child.exitCode !== null) throw new Error(`webpack serve s’est arrêté :\n${served.output()}`);
    if (Date.now() > deadline) throw new Error(`webpack serve n’a pas démarré :\n${served.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('npm run dev-server', () => {
  let home: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tirage-home-'));
  });

  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('serves the pane over https with the office-addin-dev-certs certificate', async () => {
    const dir = path.join(home, '.office-addin-dev-certs');
    fs.mkdirSync(dir);
    // It announces its success on the console; the files are what counts.
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await generateCertificates(path.join(dir, 'ca.crt'), path.join(dir, 'localhost.crt'), path.join(dir, 'localhost.key'), 1);
    } finally {
      log.mockRestore();
    }
    const port = await freePort();
    const served = devServer(home, port);
    try {
      await waitForOutput(served, /compiled successfully/);
      const ca = fs.readFileSync(path.join(dir, 'ca.crt'));
      const page = await get(`https://localhost:${port}/taskpane.html`, ca);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<html lang="fr">');
      // The start-up guard's hash is filled in by the development build too (scripts/policyHashes.js).
      expect(page.body).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com 'sha256-[A-Za-z0-9+/]{43}=';/);
      const manifest = await get(`https://localhost:${port}/manifest.xml`, ca);
      expect(manifest.status).toBe(200);
      expect(manifest.body).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    } finally {
      served.child.kill('SIGTERM');
      await served.exited;
    }
    // As long as waitForOutput may wait, and more: a development build type-checks the pane, slow
    // on a busy 2-core machine with the rest of the suite running beside it.
  }, 180_000);

  test('without a certificate, says in French which command makes one', async () => {
    const served = devServer(home, await freePort());
    const code = await served.exited;
    expect(code).not.toBe(0);
    expect(served.output()).toContain('Certificat de développement absent');
    expect(served.output()).toContain('npx office-addin-dev-certs install');
  });
});
