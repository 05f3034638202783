const { readWorkbookGrids } = require('./dist/file/recordReader');
(async () => {
  const t = Date.now();
  const grids = await readWorkbookGrids('/tmp/wb/r100k.xlsx');
  const ms = Date.now() - t;
  globalThis.__m = undefined;
  global.gc();
  console.log(process.env.FLAT, 'heap', Math.round(process.memoryUsage().heapUsed / 1e6), ms, 'ms');
})();
