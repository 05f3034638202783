/**
 * What can go wrong between the add-in and Excel: a code a program tests (the task pane picks its
 * button from it), its parameters, and the French sentence in one place. Each front end adds its
 * own remedy; these sentences say what happened and what state the workbook is left in.
 *
 * Excel's own codes (OfficeExtension.Error.code, listed at
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes and explained at
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
 * become these problems in syncs.ts (`problemOf`).
 */

export type ExcelProblem =
  /** A sync did not answer in time: Excel is taken to have stopped answering for good (office-js #6678). */
  | { code: 'sync_timeout'; seconds: number }
  /** A call after such a sync: not even tried, it would hang too. */
  | { code: 'excel_unresponsive' }
  | { code: 'connection_lost' }
  | { code: 'read_only' }
  | { code: 'workbook_protected' }
  | { code: 'access_denied' }
  | { code: 'name_clash'; name: string }
  /** `InvalidArgument`: what Excel answers for a table name already taken, by a table or a defined name (office-js #551). */
  | { code: 'invalid_argument'; detail: string }
  /** `RangeExceedsLimit`: more cells in one range than Excel handles (5,000,000 for a read). */
  | { code: 'range_too_large' }
  /** `ItemNotFound`: a sheet or table the operation needs is gone (a co-author renamed or deleted it). */
  | { code: 'item_not_found' }
  /** `GeneralException`: Excel's internal error. */
  | { code: 'general_exception' }
  /** A cell stayed in edit mode longer than the adapter waits (`InvalidOperationInCellEditMode`). */
  | { code: 'cell_edit'; minutes: number }
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
  /** They could not be removed: those that exist say INACHEVÉ in A1. */
  | { kind: 'marked'; sheets: string[] }
  /** Excel no longer answers (or the connection is lost): neither removed nor marked; those that exist still say « Registre en cours d’écriture » in A1. */
  | { kind: 'unfinished'; sheets: string[] }
  /** Every sheet was written; only what came after (reading it back) failed. */
  | { kind: 'written'; sheets: string[] };

/** Why the adapter is waiting for Excel, for the task pane to show until Excel answers again. */
export type ExcelWait =
  /** Excel refuses while a cell is being edited (`InvalidOperationInCellEditMode`); the adapter asks again by itself. */
  | { code: 'cell_edit' }
  /** A sync has not answered for a while: with `delayForCellEdit`, Excel holds the request while a cell is being edited. */
  | { code: 'no_answer'; seconds: number };

export function describeExcelWait(wait: ExcelWait): string {
  if (wait.code === 'cell_edit') return 'Quittez la cellule en cours de saisie (Entrée ou Échap) : le tirage reprendra.';
  return `Excel ne répond pas depuis ${wait.seconds} secondes : si une cellule est en cours de saisie, quittez-la (Entrée ou Échap) et le tirage reprendra.`;
}

const REOPEN = 'Enregistrez le classeur si Excel le permet, fermez-le, rouvrez-le, puis vérifiez-le (bouton « Vérifier » du volet, ou tirage-cln verify) avant toute autre chose.';

export function describeExcelProblem(problem: ExcelProblem): string {
  switch (problem.code) {
    case 'sync_timeout':
      return `Excel n’a pas répondu en ${String(problem.seconds).replace('.', ',')} secondes : il ne répond plus, ou la connexion au classeur est interrompue. ${REOPEN}`;
    case 'excel_unresponsive':
      return `Excel ne répond plus depuis une opération restée sans réponse : rien n’a été tenté. ${REOPEN}`;
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
    case 'invalid_argument':
      return (
        'Excel a refusé un nom ou une valeur (InvalidArgument) : le plus souvent, un nom de tableau déjà pris par un tableau ou un nom défini ' +
        `(Formules > Gestionnaire de noms), ajouté entre-temps par un co-auteur.${problem.detail ? ` Détail d’Excel : ${problem.detail}` : ''}`
      );
    case 'range_too_large':
      return 'Excel a refusé une plage trop grande (RangeExceedsLimit : plus de 5 millions de cellules d’un coup).';
    case 'item_not_found':
      return 'Une feuille ou un tableau nécessaire à l’opération n’existe plus dans le classeur (ItemNotFound) : un co-auteur l’a peut-être renommé ou supprimé.';
    case 'general_exception':
      return 'Excel a rencontré une erreur interne (GeneralException) pendant l’opération.';
    case 'cell_edit':
      return `Une cellule est restée en cours de saisie pendant plus de ${problem.minutes} minutes : Excel refuse toute écriture tant qu’on ne la quitte pas (Entrée ou Échap).`;
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
    case 'unfinished':
      return (
        `Le registre n’est pas terminé : celles des feuilles ${list(partial.sheets)} qui existent portent en cellule A1 « Registre en cours d’écriture » ` +
        'et ne valent pas registre (la vérification les refuse). Une fois le classeur rouvert et vérifié, supprimez-les avant de recommencer.'
      );
    case 'written':
      return (
        `Le registre a été entièrement écrit (${list(partial.sheets)}) ; seule sa relecture n’a pas pu se faire. Ne supprimez aucune feuille : ` +
        'vérifiez d’abord le classeur (bouton « Vérifier » du volet, ou tirage-cln verify).'
      );
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
