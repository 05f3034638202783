/**
 * Issue 15: what a reader sees is what `verify` checked. Each edit of the probe (made with
 * openpyxl, as the probe made it) leaves every value right and changes what the record shows, or
 * removes what told of another draw: `verify` exits 3 naming the sheet and the cell. A sheet added
 * under another name is listed, not a difference. And the seed announced in the session is
 * checked as the fingerprint is (`verify --seed`), so a redraw with another seed fails.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliAt } from '../support/cli';
import { disguise, type Disguise } from '../support/disguises';
import { python, requireOpenpyxl } from '../support/openpyxl';

const REPO = join(__dirname, '..', '..');
const OUT = join(REPO, 'test-output', 'cli-disguises');
const EXAMPLE_CSV = join(REPO, 'assets', 'exemple-candidatures.csv');
const EXAMPLE_XLSX = join(REPO, 'assets', 'exemple-candidatures.xlsx');
const SEED = '4 2 6 1 5 3';

const cli = cliAt('2025-06-13');

const files = {
  record: join(OUT, 'registre.xlsx'),
  withJournal: join(OUT, 'registre-avec-journal.xlsx'),
  twoDraws: join(OUT, 'registre-deux-tirages.xlsx'),
  redrawn: join(OUT, 'registre-autre-graine.xlsx'),
};

/** The record each disguise is made on: the example's, one drawn in a workbook with the add-in's journal, one of two draws. */
const BASE: Record<Disguise, keyof typeof files> = {
  conditional_format: 'record',
  stale_formula: 'record',
  hidden_member_row: 'record',
  member_in_white: 'record',
  very_hidden_with_copy: 'record',
  look_alike_upper: 'record',
  look_alike_no_break_space: 'record',
  journal_deleted: 'withJournal',
  first_draw_deleted: 'twoDraws',
  member_in_one_point: 'record',
  member_on_grey: 'record',
  plain_format_not_planned: 'record',
  hidden_column: 'record',
  data_validation: 'record',
  print_area: 'record',
};

const withOpenpyxl = requireOpenpyxl() ? describe : describe.skip;

withOpenpyxl('verify and what a reader sees (issue 15)', () => {
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const draw = await cli('draw', EXAMPLE_CSV, '--seed', SEED, '--date', '2025-06-13', '--out', files.record);
    expect([draw.code, draw.stderr]).toEqual([0, '']);
    const second = await cli('draw', files.record, '--sheet', 'Candidatures', '--seed', '6 6 6', '--date', '2025-06-13', '--out', files.twoDraws);
    expect([second.code, second.stderr]).toEqual([0, '']);
    // The add-in's journal (its header only) in the workbook before the draw.
    const input = join(OUT, 'candidatures-avec-journal.xlsx');
    python(
      [
        'import sys, openpyxl',
        'wb = openpyxl.load_workbook(sys.argv[1])',
        "wb.create_sheet('Journal des tirages').append(['Date et heure (UTC)', 'Empreinte', 'Graine publique', 'Issue', 'Feuille des données du tirage', 'Motif d’un nouveau tirage', 'Précision'])",
        'wb.save(sys.argv[2])',
      ].join('\n'),
      EXAMPLE_XLSX,
      input,
    );
    const sheet = python('import sys, openpyxl\nprint(openpyxl.load_workbook(sys.argv[1]).sheetnames[0])', EXAMPLE_XLSX).trim();
    const journal = await cli('draw', input, '--sheet', sheet, '--seed', SEED, '--date', '2025-06-13', '--out', files.withJournal);
    expect([journal.code, journal.stderr]).toEqual([0, '']);
    const redraw = await cli('draw', EXAMPLE_CSV, '--seed', '1 1 1', '--date', '2025-06-13', '--out', files.redrawn);
    expect([redraw.code, redraw.stderr]).toEqual([0, '']);
  });

  it('the records the disguises are made on verify untouched', async () => {
    for (const file of [files.record, files.withJournal, files.twoDraws]) {
      const { code, stdout } = await cli('verify', file);
      expect([file, code, stdout]).toEqual([file, 0, expect.stringContaining('Registre conforme')]);
    }
  });

  it.each(Object.keys(BASE) as Disguise[])('%s: exit 3, the sheet and the cell named', async (what) => {
    const edited = join(OUT, `${what}.xlsx`);
    const words = disguise(files[BASE[what]], edited, what);
    const { code, stdout, stderr } = await cli('verify', edited);
    expect([code, stderr]).toEqual([3, '']);
    for (const word of words) expect(stdout).toContain(word);
  });

  it('a name printed larger than planned hides nothing: still conforming (records written before a layout change keep theirs)', async () => {
    const larger = join(OUT, 'nom-plus-grand.xlsx');
    python("import sys, openpyxl\nfrom openpyxl.styles import Font\nwb = openpyxl.load_workbook(sys.argv[1])\nwb['Publication']['B20'].font = Font(size=14)\nwb.save(sys.argv[2])", files.record, larger);
    const { code, stdout } = await cli('verify', larger);
    expect([code, stdout]).toEqual([0, expect.stringContaining('Registre conforme')]);
  });

  it('a sheet added under a name of its own is listed, and the record still conforms', async () => {
    const added = join(OUT, 'feuille-ajoutee.xlsx');
    python("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.create_sheet('Notes de séance')['A1'] = 'Rien'\nwb.save(sys.argv[2])", files.record, added);
    const { code, stdout } = await cli('verify', added);
    expect(code).toBe(0);
    expect(stdout).toContain('Feuille « Notes de séance » : feuille ajoutée après le tirage ; elle ne fait pas partie du registre.');
    expect(stdout).toContain('Registre conforme');
  });

  it('verify --seed: the announced seed confirmed, read as the draw reads it', async () => {
    for (const typed of [SEED, `  4  2 6\u00a01 5 3 `]) {
      const { code, stdout } = await cli('verify', files.record, '--seed', typed);
      expect([code, stdout]).toEqual([0, expect.stringContaining('Graine identique à celle annoncée en séance.')]);
    }
  });

  it('verify --seed fails a redraw of the same table with another seed, which --fingerprint alone lets pass', async () => {
    const fingerprint = /Empreinte des candidatures : ([0-9a-f]{64})/.exec((await cli('verify', files.record)).stdout)?.[1] ?? '';
    expect((await cli('verify', files.redrawn, '--fingerprint', fingerprint)).code).toBe(0);
    const { code, stdout } = await cli('verify', files.redrawn, '--fingerprint', fingerprint, '--seed', SEED);
    expect(code).toBe(3);
    expect(stdout).toMatch(/Données du tirage, cellule B\d+ : la graine annoncée en séance \(« 4 2 6 1 5 3 »\) n’est pas celle du tirage consigné \(« 1 1 1 »\)/);
    expect(stdout).toContain('Registre NON conforme : la graine annoncée en séance n’est pas celle du registre.');
  });
});
