/**
 * verifier.html: a resident drops the published record on the page (or picks it) — the record, or
 * the public record of a sealed draw (`tirage-cln/2`) — and the page checks it in the browser: the
 * CLI's reader (src/xlsx) and verify (src/verification, core), so the same verdict and the same
 * French messages. A candidate types their receipt to see their own line. Nothing leaves the
 * browser: the page's policy refuses any network request, and the file is read with the File API.
 *
 * This one script is the page's (page.ts) and, run again as a worker, the checks' (checkWorker.ts):
 * the page stays one self-contained file, its script included once.
 */
import { inlineScriptText } from './backgroundCheck';
import { runsInWorker, serveChecks } from './checkWorker';
import { startPage } from './page';

if (runsInWorker()) serveChecks();
// Read now: document.currentScript is this script only while it first runs.
else startPage(inlineScriptText(document.currentScript));
