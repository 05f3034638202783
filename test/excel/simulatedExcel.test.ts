/** The simulated Excel is strict where Excel is strict: a lenient double would let adapter bugs through. */
import { MAX_CELL_CHARACTERS, PAYLOAD_LIMIT_BYTES, SimulatedExcel } from '../../src/excel/simulated/excel';
import { emptyWorkbook } from '../../src/excel/simulated/state';
import { excelOf } from '../support/simulated';

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('simulated Excel: proxies and sync', () => {
  it('queues writes until sync, and counts syncs', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [['x']];
      expect(excel.sheet('Feuil1')!.cells.size).toBe(0);
      await context.sync();
      expect(excel.sheet('Feuil1')!.cells.get('0:0')!.value).toBe('x');
    });
    expect(excel.syncs).toHaveLength(1);
  });

  it('throws PropertyNotLoaded for a property not loaded, or loaded but not yet synced', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [['a']] }]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['a']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('runs a batch in order and stops at the first failure, keeping what came before', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const error = await rejection(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Feuil1');
        sheet.getRange('A1').values = [['avant']];
        context.workbook.worksheets.getItem('Absente').getRange('A1').values = [['x']];
        sheet.getRange('A2').values = [['après']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
    const cells = excel.sheet('Feuil1')!.cells;
    expect(cells.get('0:0')?.value).toBe('avant');
    expect(cells.has('1:0')).toBe(false);
  });
});

describe('simulated Excel: what a written text becomes', () => {
  const hostile = ['=HYPERLINK("http://x";"clic")', '+33 6 12', '-2+3', '@SUM(A1)'];

  it('turns =, +, -, @ texts into formulas in a General cell, as Excel does', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Feuil1').getRange('A1:D1').values = [hostile];
    });
    const cells = [0, 1, 2, 3].map((c) => excel.sheet('Feuil1')!.cells.get(`0:${c}`)!);
    expect(cells.map((c) => c.formula)).toEqual(['=HYPERLINK("http://x";"clic")', '=+33 6 12', '=-2+3', '=SUM(A1)']);
  });

  it('keeps them as text in a cell formatted as text first', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Feuil1').getRange('A1:D1');
      range.numberFormat = [['@', '@', '@', '@']];
      range.values = [hostile];
    });
    const cells = [0, 1, 2, 3].map((c) => excel.sheet('Feuil1')!.cells.get(`0:${c}`)!);
    expect(cells.map((c) => [c.value, c.formula])).toEqual(hostile.map((h) => [h, null]));
  });

  it('reads numbers, percentages and booleans into a General cell, drops a leading apostrophe, and leaves a cell written null as it was', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [[null, null, null, null, 'gardé']] }]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Feuil1').getRange('A1:E1').values = [['12', '50 %', 'VRAI', "'=texte", null]];
    });
    const values = [0, 1, 2, 3, 4].map((c) => excel.sheet('Feuil1')!.cells.get(`0:${c}`)!.value);
    expect(values).toEqual([12, 0.5, true, '=texte', 'gardé']);
  });

  it(`refuses a cell over ${MAX_CELL_CHARACTERS} characters`, async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [['x'.repeat(MAX_CELL_CHARACTERS + 1)]];
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });

  it('refuses an array whose shape is not the range’s', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const error = await rejection(excel.run(async (context) => void (context.workbook.worksheets.getItem('Feuil1').getRange('A1:B2').values = [['a', 'b']])));
    expect(error.code).toBe('InvalidArgument');
  });
});

describe('simulated Excel: limits and refusals', () => {
  it('measures each request and refuses one over 5 MB before running any of it', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const rows = 700;
    const big = Array.from({ length: rows }, () => ['y'.repeat(8_000)]);
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Feuil1').getRange(`A1:A${rows}`).values = big;
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(excel.sheet('Feuil1')!.cells.size).toBe(0);
  });

  it('refuses a response over 5 MB', async () => {
    const rows = Array.from({ length: 700 }, () => ['z'.repeat(8_000)]);
    const excel = excelOf([{ name: 'Feuil1', rows }]);
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Feuil1').getRange('A1:A700').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it.each([
    ['a name of 32 characters', 'x'.repeat(32), 'InvalidArgument'],
    ['a forbidden character', 'Tirage/2025', 'InvalidArgument'],
    ['an apostrophe first', "'Tirage", 'InvalidArgument'],
    ['History', 'history', 'InvalidArgument'],
    ['a name taken, in other capitals', 'FEUIL1', 'ItemAlreadyExists'],
  ])('refuses a sheet with %s', async (_, name, code) => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const error = await rejection(excel.run(async (context) => void context.workbook.worksheets.add(name)));
    expect(error.code).toBe(code);
  });

  it('refuses writes into a protected sheet, and in a read-only workbook', async () => {
    const protectedSheet = excelOf([{ name: 'Feuil1', rows: [['a']], protected: true }]);
    expect((await rejection(protectedSheet.run(async (c) => void (c.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [['b']])))).code).toBe('AccessDenied');
    expect(protectedSheet.sheet('Feuil1')!.cells.get('0:0')!.value).toBe('a');

    const readOnly = new SimulatedExcel({ ...emptyWorkbook({ readOnly: true }) });
    expect((await rejection(readOnly.run(async (c) => void c.workbook.worksheets.add('Tirage')))).code).toBe('AccessDenied');
  });

  it('adds a manual page break above a range’s top row, once, and takes a print scale from 10 to 400 only', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    await excel.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Feuil1');
      sheet.horizontalPageBreaks.add('A40');
      sheet.horizontalPageBreaks.add('C12:D14');
      sheet.horizontalPageBreaks.add('A40');
      sheet.pageLayout.zoom = { scale: 77 };
      await c.sync();
    });
    expect(excel.sheet('Feuil1')!.pageLayout.rowBreaks).toEqual([12, 40]);
    expect(excel.sheet('Feuil1')!.pageLayout.zoom).toEqual({ scale: 77 });
    for (const scale of [9, 401, 80.5]) {
      const error = await rejection(excel.run(async (c) => void (c.workbook.worksheets.getItem('Feuil1').pageLayout.zoom = { scale })));
      expect([scale, error.code]).toEqual([scale, 'InvalidArgument']);
    }
    expect((await rejection(excel.run(async (c) => void c.workbook.worksheets.getItem('Feuil1').horizontalPageBreaks.add('nowhere')))).code).toBe('InvalidArgument');
  });

  it('refuses an inside border where an area has no inside line', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    const error = await rejection(excel.run(async (c) => void (c.workbook.worksheets.getItem('Feuil1').getRanges('A1:C1').format.borders.getItem('InsideHorizontal').style = 'Continuous')));
    expect(error.code).toBe('InvalidArgument');
  });

  it('rewrites a table’s empty or repeated headers, as Excel does', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [['Nom', '', 'nom'], ['a', 'b', 'c']] }]);
    await excel.run(async (context) => void context.workbook.worksheets.getItem('Feuil1').tables.add('A1:C2', true));
    const header = [0, 1, 2].map((c) => excel.sheet('Feuil1')!.cells.get(`0:${c}`)!.value);
    expect(header).toEqual(['Nom', 'Colonne2', 'Colonne3']);
  });

  it('answers DATE(1904;1;1) as a 1900 or a 1904 workbook would', async () => {
    for (const [date1904, expected] of [[false, 1462], [true, 0]] as const) {
      const excel = new SimulatedExcel(emptyWorkbook({ date1904 }));
      const value = await excel.run(async (context) => {
        const result = context.workbook.functions.date(1904, 1, 1).load('value');
        await context.sync();
        return result.value;
      });
      expect(value).toBe(expected);
    }
  });

  it('can lose the connection from a given sync on', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    excel.faults = { failFromSync: { sync: 1, code: 'ConnectionFailure' } };
    expect((await rejection(excel.run(async (c) => c.sync()))).code).toBe('ConnectionFailure');
  });

  it('hangs a sync and every later one, in later runs too (office-js #6678)', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    excel.faults = { hangFromSync: 2 };
    await excel.run(async (c) => c.sync());
    const pending = (run: Promise<unknown>) => Promise.race([run.then(() => 'answered'), new Promise((r) => setTimeout(() => r('pending'), 50))]);
    expect(await pending(excel.run(async (c) => c.sync()))).toBe('pending');
    expect(await pending(excel.run(async (c) => c.sync()))).toBe('pending');
  });

  it('refuses requests while a cell is being edited, running nothing of them, then accepts', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [] }]);
    excel.faults = { cellEdit: { fromSync: 1, refusals: 2 } };
    const write = (c: Parameters<Parameters<typeof excel.run>[0]>[0]) => {
      c.workbook.worksheets.getItem('Feuil1').getRange('A1').values = [['x']];
      return c.sync();
    };
    for (let i = 0; i < 2; i++) {
      const error = await rejection(excel.run(write));
      expect(error.code).toBe('InvalidOperationInCellEditMode');
      expect(excel.sheet('Feuil1')!.cells.size).toBe(0);
    }
    await excel.run(write);
    expect(excel.sheet('Feuil1')!.cells.get('0:0')!.value).toBe('x');
  });

  it('refuses a table name already taken by a table or a defined name with InvalidArgument (office-js #551)', async () => {
    const excel = excelOf([
      { name: 'Feuil1', rows: [['a'], ['1']], table: 'Existant' },
      { name: 'Feuil2', rows: [['b'], ['2'], [], ['c'], ['3']] },
    ]);
    excel.workbook.definedNames.push({ name: 'Tirage', refersTo: 'Feuil1!$A$1' });
    const named = (name: string, address: string) =>
      rejection(
        excel.run(async (c) => {
          c.workbook.worksheets.getItem('Feuil2').tables.add(address, true).name = name;
          await c.sync();
        }),
      );
    expect(await named('existant', 'A1:A2')).toMatchObject({ code: 'InvalidArgument', message: 'The argument is invalid or missing or has an incorrect format.' });
    expect(await named('TIRAGE', 'A4:A5')).toMatchObject({ code: 'InvalidArgument' });
    const names = await excel.run(async (c) => {
      const loaded = c.workbook.names.load('items/name');
      await c.sync();
      return loaded.items.map((n) => n.name);
    });
    expect(names).toEqual(['Tirage']);
  });

  it('refuses a read of more than 5,000,000 cells with RangeExceedsLimit', async () => {
    const excel = excelOf([{ name: 'Feuil1', rows: [['a']] }]);
    const error = await rejection(
      excel.run(async (c) => {
        c.workbook.worksheets.getItem('Feuil1').getRange('A1:E1000001').load('values');
        await c.sync();
      }),
    );
    expect(error.code).toBe('RangeExceedsLimit');
  });
});
