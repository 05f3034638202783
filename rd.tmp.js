const { readXlsx } = require('./dist/file/xlsx');
(async () => {
  const t = Date.now();
  const table = await readXlsx(process.argv[2], {}, 'big.xlsx');
  console.log(table.rows.length, Date.now() - t, 'ms', Math.round(process.memoryUsage().heapUsed / 1e6), 'MB heap', Math.round(process.resourceUsage().maxRSS / 1e3), 'MB maxRSS');
})();
