/**
 * The edits of issue 15's probe, made with openpyxl as the probe made them: each leaves every value
 * of the record right and changes what a reader sees on screen or on paper (or removes what told
 * the reader about another draw). Each returns the words `verify` must say, naming the sheet and
 * the cell (or the row) it is about.
 */
import { python } from './openpyxl';

export type Disguise =
  | 'conditional_format'
  | 'stale_formula'
  | 'hidden_member_row'
  | 'member_in_white'
  | 'very_hidden_with_copy'
  | 'look_alike_upper'
  | 'look_alike_no_break_space'
  | 'journal_deleted'
  | 'first_draw_deleted'
  // What else decides how a value is shown (issue 15 §1), beyond the probe's list.
  | 'member_in_one_point'
  | 'member_on_grey'
  | 'plain_format_not_planned'
  | 'hidden_column'
  | 'data_validation'
  | 'print_area';

/**
 * Each edit as a Python function of the workbook (`wb`), returning the words to expect. `status`
 * finds the first reserve's status on Tirage, `member` the first member's name on Publication.
 */
const EDITS: Record<Disguise, string> = {
  conditional_format: `
from openpyxl.formatting.rule import Rule
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
ws = wb['Tirage']
cell = status(ws)
rule = Rule(type='expression', formula=['TRUE'], dxf=DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode=';;;"Retenu·e"')))
ws.conditional_formatting.add(cell.coordinate, rule)
expect = [f'Tirage, cellule {cell.coordinate} : mise en forme conditionnelle']`,
  // openpyxl writes a formula without its saved value: the value is set in the XML after saving (patch below).
  stale_formula: `
ws = wb['Tirage']
cell = status(ws)
stale = (cell.coordinate, cell.value)
cell.value = '="Retenu·e"'
expect = [f'Tirage, cellule {cell.coordinate} : formule « ="Retenu·e" »']`,
  hidden_member_row: `
ws = wb['Publication']
cell = member(ws)
ws.row_dimensions[cell.row].hidden = True
expect = [f'Publication, ligne {cell.row} : ligne masquée']`,
  member_in_white: `
from openpyxl.styles import Font
ws = wb['Publication']
cell = member(ws)
cell.font = Font(color='FFFFFF')
expect = [f'Publication, cellule {cell.coordinate} : texte de couleur #FFFFFF (blanc), attendu #000000 (noir).']`,
  very_hidden_with_copy: `
copy = wb.copy_worksheet(wb['Tirage'])
copy.title = 'Tirage 2025'
status(copy).value = 'Retenu·e'
wb.active = wb.sheetnames.index('Tirage 2025')
wb['Tirage'].sheet_view.tabSelected = False
wb['Tirage'].sheet_state = 'veryHidden'
expect = ['Feuille « Tirage » : masquée (« très masquée »', 'Feuille « Tirage 2025 » : ajoutée après le tirage, sous un nom qu’on peut prendre pour celui de la feuille « Tirage » du registre']`,
  look_alike_upper: `
copy = wb.copy_worksheet(wb['Tirage'])
copy.title = 'TIRAGE (2)'
expect = ['« TIRAGE (2) »']`,
  look_alike_no_break_space: `
copy = wb.copy_worksheet(wb['Tirage'])
copy.title = 'Tirage\\u00a0'
expect = ['Feuille « Tirage\\u00a0 » : ajoutée après le tirage, sous un nom qu’on peut prendre pour celui de la feuille « Tirage » du registre']`,
  journal_deleted: `
data = wb['Données du tirage']
where = next(c for row in data.iter_rows() for c in row if c.value == 'Feuilles du classeur avant le tirage')
del wb['Journal des tirages']
expect = [f'Données du tirage, cellule B{where.row} : le journal « Journal des tirages » était dans le classeur lors de ce tirage, et il a été supprimé']`,
  first_draw_deleted: `
data = wb['Données du tirage (2)']
where = next(c for row in data.iter_rows() for c in row if c.value == 'Feuilles du classeur avant le tirage')
for name in ['Tirage', 'Synthèse', 'Procès-verbal', 'Données du tirage', 'Publication']:
    del wb[name]
expect = [f'Données du tirage (2), cellule B{where.row} : la feuille « Tirage », nommée comme celles d’un tirage et présente dans le classeur avant ce tirage, a été supprimée.']`,
  member_in_one_point: `
from openpyxl.styles import Font
ws = wb['Publication']
cell = member(ws)
cell.font = Font(size=1)
expect = [f'Publication, cellule {cell.coordinate} : texte en 1 point, attendu 11 points.']`,
  member_on_grey: `
from openpyxl.styles import PatternFill
ws = wb['Publication']
cell = member(ws)
cell.fill = PatternFill('solid', fgColor='FF808080')
expect = [f'Publication, cellule {cell.coordinate} : fond de couleur #808080, attendu sans couleur.']`,
  plain_format_not_planned: `
ws = wb['Synthèse']
cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and c.value > 1)
cell_format = cell.number_format
cell.number_format = '0.00'
expect = [f'Synthèse, cellule {cell.coordinate} : format d’affichage « 0.00 », attendu « {cell_format} ».']`,
  hidden_column: `
ws = wb['Tirage']
ws.column_dimensions['C'].hidden = True
expect = ['Tirage, colonne C : colonne masquée']`,
  data_validation: `
from openpyxl.worksheet.datavalidation import DataValidation
ws = wb['Tirage']
cell = status(ws)
validation = DataValidation(type='list', formula1='"Retenu·e"')
ws.add_data_validation(validation)
validation.add(cell.coordinate)
expect = [f'Tirage, cellule {cell.coordinate} : validation des données (sur {cell.coordinate})']`,
  print_area: `
ws = wb['Publication']
ws.print_area = 'A1:C20'
expect = ["Feuille « Publication » : zone d’impression « 'Publication'!$A$1:$C$20 »"]`,
};

const SCRIPT = `
import json, re, sys, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
stale = None
def status(ws):
    return next(c for row in ws.iter_rows() for c in row if c.value == 'Liste complémentaire n° 1')
def member(ws):
    header = next(c for row in ws.iter_rows() for c in row if c.value == 'Femmes')
    return ws.cell(row=header.row + 1, column=header.column)
exec(sys.argv[3])
wb.save(sys.argv[2])
if stale is not None:
    # The value a spreadsheet shows before it calculates, and a calculation on load (fullCalcOnLoad).
    address, value = stale
    formula = '"Retenu·e"'
    with zipfile.ZipFile(sys.argv[2]) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheets = re.findall(r'<sheet [^>]*name="Tirage"[^>]*r:id="(rId\\d+)"', parts['xl/workbook.xml'].decode())
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="%s"' % (sheets[0], sheets[0]), parts['xl/_rels/workbook.xml.rels'].decode())
    part = 'xl/' + (target.group(1) or target.group(2)).lstrip('/').replace('xl/', '', 1)
    xml = parts[part].decode()
    xml = re.sub(r'<c r="%s"( s="\\d+")?[^>]*>.*?</c>' % address, lambda m: '<c r="%s"%s t="str"><f>%s</f><v>%s</v></c>' % (address, m.group(1) or '', formula, value), xml, count=1)
    parts[part] = xml.encode()
    # openpyxl asks for a calculation on load (fullCalcOnLoad), as the probe's file did.
    assert 'fullCalcOnLoad="1"' in parts['xl/workbook.xml'].decode()
    with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
        for name, content in parts.items():
            out.writestr(name, content)
print(json.dumps(expect))
`;

/** Applies one disguise to the record at `inPath`, saving it at `outPath`: the words `verify` must say. */
export function disguise(inPath: string, outPath: string, what: Disguise): string[] {
  return JSON.parse(python(SCRIPT, inPath, outPath, EDITS[what].trim())) as string[];
}
