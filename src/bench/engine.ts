/** One engine measurement: parse + fingerprint + allocation + draw + exact probabilities. */
import { drawLots, prepareDraw, type PreparedDraw } from '../core';
import { decodeCsvBytes, parseCsvText } from '../file/csv';
import { pipelineFloor } from './pipelineFloor';
import { syntheticCsv } from './syntheticTable';

export interface EngineMeasure {
  candidates: number;
  /** Median wall time of the whole engine, in milliseconds. */
  ms: number;
  /**
   * Median time of the unavoidable pipeline on the same bytes, in the same process (see
   * pipelineFloor.ts): decode, read each cell once, canonical lines, sort, join, UTF-8, SHA-256,
   * one rng() per candidate.
   */
  pipelineFloorMs: number;
  /** ms / pipelineFloorMs: what the engine costs beyond what the specification cannot avoid. */
  ratioToPipelineFloor: number;
  /** Median time of the bare sort of the same canonical lines, one part of the pipeline floor. */
  sortFloorMs: number;
  /** ms / sortFloorMs. */
  ratioToFloor: number;
  parseMs: number;
  prepareMs: number;
  drawMs: number;
  /** Peak resident memory of a process that reads and draws the table once, in MiB. */
  peakMB: number;
  repeats: number;
}

/** One draw of the table, nothing else: the process's peak memory is the draw's. */
export function drawOnce(candidates: number): number {
  const bytes = new TextEncoder().encode(syntheticCsv(candidates));
  const table = parseCsvText(decodeCsvBytes(bytes), 'bench.csv');
  const result = drawLots(prepareDraw(table, { referenceDate: '2026-06-13', excludeInvalid: false }), 'graine');
  if (result.outcomes.length !== candidates) throw new Error('benchmark table lost rows');
  return round(process.resourceUsage().maxRSS / 1024);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** One read, preparation and draw of the table, timed by step. */
function timedDraw(bytes: Uint8Array, run: number, sealingKey?: string): { prepared: PreparedDraw; parse: number; prepare: number; draw: number } {
  const t0 = performance.now();
  const table = parseCsvText(decodeCsvBytes(bytes), 'bench.csv');
  const t1 = performance.now();
  const prepared = prepareDraw(table, { referenceDate: '2026-06-13', excludeInvalid: false, ...(sealingKey === undefined ? {} : { sealingKey }) });
  const t2 = performance.now();
  const result = drawLots(prepared, `graine ${run}`);
  const t3 = performance.now();
  if (result.outcomes.length !== table.rows.length - 1) throw new Error('benchmark table lost rows');
  return { prepared, parse: t1 - t0, prepare: t2 - t1, draw: t3 - t2 };
}

export function measureEngine(candidates: number, repeats: number): Omit<EngineMeasure, 'peakMB'> {
  const bytes = new TextEncoder().encode(syntheticCsv(candidates));
  const total: number[] = [];
  const parse: number[] = [];
  const prepare: number[] = [];
  const draw: number[] = [];
  const floor: number[] = [];
  const pipeline: number[] = [];
  // One warm-up run, not counted, so the JIT has compiled the hot paths as it would in a session.
  for (let r = -1; r < repeats; r++) {
    const run = timedDraw(bytes, r);
    const { prepared } = run;

    // The same lines, in row order, sorted bare.
    const byRow = new Map(prepared.canonical.order.map((c, i) => [c, prepared.canonical.lines[i]]));
    const lines = prepared.candidatures.map((c) => byRow.get(c as never) as string);
    const t4 = performance.now();
    lines.sort();
    const t5 = performance.now();
    const floorRun = pipelineFloor(bytes, '2026-06-13', `graine ${r}`);
    const t6 = performance.now();
    if (floorRun.fingerprint !== prepared.canonical.fingerprint) throw new Error('pipeline floor and engine disagree on the fingerprint');
    if (r >= 0) {
      total.push(run.parse + run.prepare + run.draw);
      parse.push(run.parse);
      prepare.push(run.prepare);
      draw.push(run.draw);
      floor.push(t5 - t4);
      pipeline.push(t6 - t5);
    }
  }
  const ms = median(total);
  const sortFloorMs = median(floor);
  const pipelineFloorMs = median(pipeline);
  return {
    candidates,
    ms: round(ms),
    pipelineFloorMs: round(pipelineFloorMs),
    ratioToPipelineFloor: round(ms / pipelineFloorMs),
    sortFloorMs: round(sortFloorMs),
    ratioToFloor: round(ms / sortFloorMs),
    parseMs: round(median(parse)),
    prepareMs: round(median(prepare)),
    drawMs: round(median(draw)),
    repeats,
  };
}

export interface SealedEngineMeasure {
  candidates: number;
  /** Median wall time of the whole engine for `tirage-cln/2` (read, seal, fingerprint, draw), in milliseconds. */
  ms: number;
  parseMs: number;
  /** Preparation, with the HMAC and SHA-256 of every candidature (ALGORITHM.md §10). */
  prepareMs: number;
  drawMs: number;
  repeats: number;
}

/** The same table drawn as `tirage-cln/2`, with a fixed sealing key: what sealing adds to `measureEngine`. */
export function measureSealedEngine(candidates: number, repeats: number): SealedEngineMeasure {
  const bytes = new TextEncoder().encode(syntheticCsv(candidates));
  const key = 'a5'.repeat(32);
  const runs = [];
  for (let r = -1; r < repeats; r++) {
    const run = timedDraw(bytes, r, key);
    if (run.prepared.algorithm !== 'tirage-cln/2') throw new Error('the sealed benchmark drew tirage-cln/1');
    if (r >= 0) runs.push(run);
  }
  return {
    candidates,
    ms: round(median(runs.map((run) => run.parse + run.prepare + run.draw))),
    parseMs: round(median(runs.map((run) => run.parse))),
    prepareMs: round(median(runs.map((run) => run.prepare))),
    drawMs: round(median(runs.map((run) => run.draw))),
    repeats,
  };
}
