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

export function describeFailure(error: unknown): Failure {
  if (error instanceof ExcelAdapterError) {
    const { problem } = error;
    const remedies: Partial<Record<typeof problem.code, string>> = {
      sync_timeout: RETRY,
      connection_lost: RETRY,
      excel_error: 'Réessayez ; si le refus persiste, enregistrez le classeur, fermez-le, rouvrez-le, puis rouvrez ce volet.',
      table_not_found: 'Revenez à l’étape 1 et choisissez le tableau des candidatures.',
      sheet_not_found: 'Revenez à l’étape 1 et choisissez la feuille des candidatures.',
      empty_sheet: 'Revenez à l’étape 1 et choisissez la feuille qui contient les candidatures.',
      table_changed: 'Annoncez la nouvelle empreinte à la salle, puis choisissez à nouveau la graine publique : une graine choisie avant l’empreinte ne rend pas le tirage vérifiable.',
    };
    return {
      title:
        problem.code === 'table_changed'
          ? 'Tirage refusé : le tableau a changé'
          : problem.code === 'connection_lost' || problem.code === 'sync_timeout'
            ? 'La connexion avec Excel est interrompue'
            : 'Excel a refusé l’opération',
      lines: [error.message],
      remedy: remedies[problem.code] ?? 'Corrigez ce qui est indiqué, puis réessayez.',
      code: problem.code,
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
    remedy: 'Aucun registre n’est écrit à moitié sans la mention « INACHEVÉ ». Fermez le volet, rouvrez-le depuis l’onglet Accueil, puis recommencez.',
    code: 'unexpected',
  };
}
