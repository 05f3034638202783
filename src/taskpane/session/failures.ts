/**
 * Any failure of a session step as the operator needs it: what happened (the engine's or the
 * adapter's own French sentence, worded once in core or src/excel) and what to do next in this
 * pane — the remedy is the pane's, as the CLI adds its flags.
 */
import { InputError } from '../../core/errors';
import { NotARecordError } from '../../core/record/dataSheet';
import { ExcelAdapterError } from '../../excel/problems';

export interface Failure {
  title: string;
  /** What happened, line by line (row problems come one per line). */
  lines: string[];
  /** What to do next, in this pane. */
  remedy: string;
  /** The error's code, for the pane's own choices (a refused draw shows its new fingerprint). */
  code: string;
}

const RETRY = 'Vérifiez la connexion au classeur (Excel sur le web : l’onglet est-il toujours ouvert et connecté ?), puis cliquez sur « Réessayer ».';
/** After a request that never answered, Excel answers nothing more (office-js #6678): retrying would hang too. */
const REOPEN = 'Enregistrez le classeur si Excel le permet, fermez-le et rouvrez-le, rouvrez ce volet, puis cliquez sur « Vérifier » avant toute autre chose.';
const REOPEN_AFTER_REFUSAL = 'Réessayez ; si le refus persiste, enregistrez le classeur, fermez-le, rouvrez-le, puis rouvrez ce volet.';

export function describeFailure(error: unknown): Failure {
  if (error instanceof ExcelAdapterError) {
    const { problem } = error;
    const remedies: Partial<Record<typeof problem.code, string>> = {
      sync_timeout: REOPEN,
      excel_unresponsive: REOPEN,
      connection_lost: RETRY,
      excel_error: REOPEN_AFTER_REFUSAL,
      general_exception: REOPEN_AFTER_REFUSAL,
      invalid_argument: 'Ouvrez Formules > Gestionnaire de noms : si un nom y porte celui d’un tableau du registre (Tirage, Donnees…), renommez-le, puis réessayez.',
      range_too_large: 'Réessayez ; si le refus persiste, faites le tirage avec la ligne de commande (tirage-cln draw … --out).',
      item_not_found: 'Revenez à l’étape 1 : relisez le classeur et choisissez à nouveau le tableau des candidatures.',
      cell_edit: 'Quittez la cellule en cours de saisie (Entrée ou Échap), puis cliquez sur « Réessayer ».',
      table_not_found: 'Revenez à l’étape 1 et choisissez le tableau des candidatures.',
      sheet_not_found: 'Revenez à l’étape 1 et choisissez la feuille des candidatures.',
      empty_sheet: 'Revenez à l’étape 1 et choisissez la feuille qui contient les candidatures.',
    };
    const lost = problem.code === 'connection_lost' || problem.code === 'sync_timeout' || problem.code === 'excel_unresponsive';
    return {
      title: lost ? 'La connexion avec Excel est interrompue' : 'Excel a refusé l’opération',
      lines: [error.message],
      remedy: remedies[problem.code] ?? 'Corrigez ce qui est indiqué, puis réessayez.',
      code: problem.code,
    };
  }
  if (error instanceof InputError && error.code === 'fingerprint_mismatch') {
    return {
      title: 'Tirage refusé : le tableau a changé',
      lines: [error.message],
      remedy: 'Annoncez la nouvelle empreinte à la salle, puis choisissez à nouveau la graine publique : une graine choisie avant l’empreinte ne rend pas le tirage vérifiable.',
      code: error.code,
    };
  }
  if (error instanceof InputError && error.code === 'record_not_conforming') {
    // The differences and the verdict, without the command line's remedy: the pane has its own.
    return {
      title: 'Le registre n’est plus conforme',
      lines: [...error.lines],
      remedy: 'Aucun remplacement n’est consigné dans un registre modifié. Fermez et rouvrez ce volet : il vérifie le registre et montre chaque différence ; puis retrouvez le registre d’origine.',
      code: error.code,
    };
  }
  if (error instanceof InputError && (error.code === 'bad_replacement' || error.code === 'choice_needed')) {
    return { title: 'Ce remplacement ne peut pas être consigné', lines: [error.message], remedy: 'Corrigez le formulaire, puis cliquez sur « Consigner le remplacement ».', code: error.code };
  }
  if (error instanceof InputError) {
    const lines = error.lines.length > 1 ? [error.message, ...error.lines] : [error.message];
    const remedies: Partial<Record<typeof error.code, string>> = {
      missing_columns:
        'Indiquez ci-dessous la colonne qui contient chaque donnée manquante, ou renommez les en-têtes dans la feuille (Nom, Prénom, Sexe, Date de naissance ou Âge, Secteur), puis cliquez sur « Relire le tableau ».',
      ambiguous_column: 'Renommez l’une des colonnes en double dans la feuille, puis cliquez sur « Relire le tableau ».',
      unkeepable_cells: 'Corrigez les cellules indiquées dans la feuille, puis cliquez sur « Relire le tableau ».',
      content_below_table: 'Corrigez la feuille, puis cliquez sur « Relire le tableau ».',
      no_candidatures: 'Choisissez le tableau qui contient les candidatures, ou complétez-le, puis cliquez sur « Relire le tableau ».',
      no_eligible: 'Corrigez le tableau, puis cliquez sur « Relire le tableau ».',
      bad_reference_date: 'Corrigez la date du tirage.',
    };
    return { title: 'Le tableau ne peut pas être utilisé tel quel', lines, remedy: remedies[error.code] ?? 'Corrigez ce qui est indiqué, puis réessayez.', code: error.code };
  }
  if (error instanceof NotARecordError) {
    return { title: 'Aucun registre dans ce classeur', lines: [`Ce classeur ne contient pas de registre de tirage : ${error.message}.`], remedy: 'Préparez un tirage à partir du tableau des candidatures.', code: 'not_a_record' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'Erreur inattendue du volet',
    lines: [`Le volet a rencontré une erreur imprévue : ${message}.`],
    remedy: 'Un registre dont l’écriture s’est arrêtée porte en cellule A1 « Registre en cours d’écriture » ou « INACHEVÉ », et la vérification le refuse. Fermez le volet, rouvrez-le depuis l’onglet Accueil, cliquez sur « Vérifier », puis recommencez.',
    code: 'unexpected',
  };
}
