const { readWorkbookGrids } = require('./dist/file/recordReader');
(async () => {
  const grids = await readWorkbookGrids('/tmp/wb/r100k.xlsx');
  global.gc(); 
  console.log('heap', Math.round(process.memoryUsage().heapUsed / 1e6));
  let cells = 0, strings = 0, chars = 0, nums = 0;
  for (const g of grids) for (const r of g.rows) for (const v of r) { if (v !== null && v !== undefined) cells++; if (typeof v === 'string') { strings++; chars += v.length; } if (typeof v === 'number') nums++; }
  console.log({ cells, strings, chars, nums, rows: grids.map(g => g.rows.length) });
})();
