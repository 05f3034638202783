const { readWorkbookGrids } = require('./dist/file/recordReader');
const { verifyWorkbook, allDifferences } = require('./dist/core');
const mb = () => Math.round(process.memoryUsage().heapUsed / 1e6) + 'MB heap, rss ' + Math.round(process.memoryUsage().rss / 1e6) + ' maxRSS ' + Math.round(process.resourceUsage().maxRSS / 1e3);
(async () => {
  let t = Date.now();
  const grids = await readWorkbookGrids('/tmp/wb/r100k.xlsx');
  global.gc && gc();
  console.log('read', Date.now() - t, 'ms', mb());
  t = Date.now();
  const check = verifyWorkbook(grids);
  console.log('verify', Date.now() - t, 'ms', allDifferences(check).length, mb());
})();
