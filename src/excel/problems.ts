/**
 * What can go wrong between the add-in and Excel: a code a program tests (the task pane picks its
 * button from it), its parameters, and the French sentence in one place. Each front end adds its
 * own remedy; these sentences say what happened and what state the workbook is left in.
 */

export type ExcelProblem =
  | { code: 'sync_timeout'; seconds: number }
  | { code: 'connection_lost' }
  | { code: 'read_only' }
  | { code: 'workbook_protected' }
  | { code: 'access_denied' }
  | { code: 'name_clash'; name: string }
  | { code: 'table_not_found'; name: string }
  | { code: 'sheet_not_found'; name: string }
  | { code: 'empty_sheet'; sheet: string }
  | { code: 'date_system_unknown'; cell: string }
  | { code: 'excel_error'; excelCode: string; detail: string };

/** What remains of a record whose writing failed. */
export type PartialRecord =
  | { kind: 'none' }
  /** The sheets written so far were removed again. */
  | { kind: 'removed'; sheets: string[] }
  /** They could not be removed (nor, perhaps, looked for): those that exist say INACHEVÉ in A1. */
  | { kind: 'marked'; sheets: string[] };

export function describeExcelProblem(problem: ExcelProblem): string {
  switch (problem.code) {
    case 'sync_timeout':
      return `Excel n’a pas répondu en ${problem.seconds} secondes : la connexion au classeur est peut-être interrompue.`;
    case 'connection_lost':
      return 'La connexion avec Excel a été perdue pendant l’opération.';
    case 'read_only':
      return 'Le classeur est ouvert en lecture seule : le registre ne peut pas y être écrit. Ouvrez-le en modification (ou enregistrez-en une copie modifiable), puis recommencez.';
    case 'workbook_protected':
      return 'La structure du classeur est protégée : aucune feuille ne peut y être ajoutée. Ôtez la protection du classeur (Révision > Protéger le classeur), puis recommencez.';
    case 'access_denied':
      return 'Excel a refusé la modification : le classeur ou une feuille est protégé, ou le classeur n’est plus ouvert qu’en lecture. Vérifiez la protection (onglet Révision) et vos droits sur le fichier, puis recommencez.';
    case 'name_clash':
      return `Une feuille ou un tableau « ${problem.name} » existe déjà dans le classeur (un co-auteur l’a peut-être ajouté entre-temps) : aucune feuille existante n’est remplacée.`;
    case 'table_not_found':
      return `Le tableau « ${problem.name} » n’existe plus dans le classeur (renommé ou supprimé ?). Choisissez à nouveau le tableau des candidatures.`;
    case 'sheet_not_found':
      return `La feuille « ${problem.name} » n’existe plus dans le classeur (renommée ou supprimée ?). Choisissez à nouveau la feuille des candidatures.`;
    case 'empty_sheet':
      return `La feuille « ${problem.sheet} » est vide : elle ne contient aucun tableau de candidatures.`;
    case 'date_system_unknown':
      return (
        `La cellule ${problem.cell} contient une date, mais Excel n’a pas permis de savoir si ce classeur compte les dates ` +
        'depuis 1900 ou depuis 1904 (anciens classeurs Mac) : une date de naissance pourrait être lue avec quatre ans d’écart. ' +
        'Saisissez les dates de naissance comme du texte JJ/MM/AAAA, ou enregistrez le tableau en .xlsx et utilisez la ligne de commande.'
      );
    case 'excel_error':
      return `Excel a refusé l’opération (${problem.excelCode}${problem.detail ? ` : ${problem.detail}` : ''}).`;
  }
}

export function describePartialRecord(partial: PartialRecord): string {
  const list = (sheets: string[]) => sheets.map((s) => `« ${s} »`).join(', ');
  switch (partial.kind) {
    case 'none':
      return 'Aucune feuille n’a été ajoutée au classeur.';
    case 'removed':
      return `Les feuilles commencées (${list(partial.sheets)}) ont été retirées : le classeur est tel qu’avant.`;
    case 'marked':
      return `Les feuilles commencées n’ont pas pu être retirées : celles qui existent parmi ${list(partial.sheets)} portent en cellule A1 la mention « INACHEVÉ » ; supprimez-les avant de recommencer.`;
  }
}

/** A formula of the candidature table that gives no value: read as what Excel shows, and said so. */
export function describeFormulaWithoutValue(formula: { cell: string; formula: string; shown: string }): string {
  const read = formula.shown === '' ? 'elle est lue comme une cellule vide' : `elle est lue comme le texte « ${formula.shown} »`;
  return `Cellule ${formula.cell} : la formule ${formula.formula} ne donne pas de valeur ; ${read}. Recalculez le classeur, ou remplacez la formule par la valeur voulue.`;
}

/** A failure of the adapter, with what the user reads. */
export class ExcelAdapterError extends Error {
  constructor(
    readonly problem: ExcelProblem,
    /** Set when a record was being written. */
    readonly partial: PartialRecord | null = null,
  ) {
    super(partial === null ? describeExcelProblem(problem) : `${describeExcelProblem(problem)} ${describePartialRecord(partial)}`);
    this.name = 'ExcelAdapterError';
  }
}
