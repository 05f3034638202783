/**
 * What the command line adds to a problem reported by core: core says what is wrong and where, in
 * words that suit any front end (core/messages.ts); here, the option or command that remedies it
 * (the task pane offers a button, the verifier page nothing). A remedy follows the message on its
 * line, or comes on a line of its own after a list (the rows set aside, the people offered).
 */
import type { InputProblem } from '../core';
import { suggestedHeapMegabytes } from './memory';

export interface CliRemedy {
  text: string;
  /** After the message on its line; otherwise on a line of its own. */
  sameLine: boolean;
}

const SEAL_KEY_FILE = 'La clé est le fichier créé par « tirage-cln probabilities … --seal-key ».';

/** The option that carries a draw request's field, where core's sentence names only the field. */
const FIELD_OPTIONS: Partial<Record<string, string>> = { place: '--place', officials: '--officials' };

/** `field`: the draw request's field the problem is about (core/drawRequest.ts), when it is one. */
export function cliRemedy(problem: InputProblem, field?: string): CliRemedy | null {
  const after = (text: string) => ({ text, sameLine: true });
  const below = (text: string) => ({ text, sameLine: false });
  const option = field === undefined ? undefined : FIELD_OPTIONS[field];
  if (option !== undefined) return below(`Corrigez la valeur de l’option ${option}.`);
  switch (problem.code) {
    case 'ineligible_rows':
      return below('Pour écarter ces lignes en les consignant au registre avec leur motif, relancez avec --exclude-invalid.');
    case 'missing_columns':
      return below(
        'Si une colonne porte un autre nom, désignez-la avec --columns "<champ>=<en-tête>;…", par exemple ' +
          '--columns "Sexe=Vous êtes :;Secteur=Dans quel secteur habitez-vous ?".',
      );
    case 'choice_needed':
      return below('Relancez avec --choose <ligne> : le choix et la règle seront consignés dans la feuille Remplacement.');
    case 'ambiguous_column':
      return below(
        'Vous pouvez aussi désigner la colonne à prendre avec --columns "<champ>=<en-tête>", ou, si la feuille porte plusieurs ' +
          'tableaux Excel côte à côte, lire l’un d’eux avec --table <nom>.',
      );
    case 'output_is_input':
      if ('reason' in problem) return after('Indiquez un autre nom de fichier pour --public-out.');
      return after('Indiquez un autre nom de fichier pour le registre (option --out).');
    case 'public_record_unsealed':
      return after('Ajoutez --seal-key <fichier> (la clé créée par « tirage-cln probabilities … --seal-key »), ou retirez --public-out.');
    case 'output_exists':
      if (problem.reason === 'public_record') return after('Choisissez un autre nom de fichier (option --public-out), ou ajoutez --replace pour le remplacer.');
      return after(problem.reason === 'record' ? 'Choisissez un autre nom de fichier (option --out), ou ajoutez --replace pour le remplacer.' : 'Choisissez un autre nom de fichier (option --out).');
    case 'file_unwritable':
      if (problem.reason === 'record_folder') return after('Indiquez un autre chemin avec --out.');
      if (problem.reason === 'public_record_folder') return after('Indiquez un autre chemin avec --public-out.');
      if (problem.reason === 'seal_key') return after('Indiquez un autre chemin avec --seal-key.');
      return null;
    case 'sheet_not_found':
      return problem.source === null ? null : after('Indiquez le nom exact de la feuille qui contient les candidatures (option --sheet).');
    case 'table_not_found':
      return after('Indiquez le nom exact du tableau des candidatures (option --table), ou retirez l’option pour lire toute la feuille.');
    case 'empty_table':
      return problem.reason === 'sheet' && problem.others.length > 0 ? after('Indiquez celle qui contient les candidatures (option --sheet).') : null;
    case 'unsupported_format':
      switch (problem.reason) {
        case 'sheet_of_csv':
          return after('Retirez l’option --sheet, ou indiquez le classeur .xlsx.');
        case 'public_given_first':
          return after(`Par exemple : tirage-cln verify ${problem.publicName} --public ${problem.source}`);
        case 'table_of_csv':
          return after('Retirez l’option --table, ou indiquez le classeur .xlsx.');
        case 'sheet_and_table':
          return after('Gardez l’une des deux options, --sheet ou --table.');
        default:
          return null;
      }
    case 'table_too_large':
      return after(
        'Relancez en lui en donnant davantage (si l’ordinateur les a), en écrivant ' +
          `NODE_OPTIONS=--max-old-space-size=${suggestedHeapMegabytes(problem.needed)} devant la commande, ou vérifiez que c’est bien le tableau des candidatures.`,
      );
    case 'empty_seed':
      return problem.reason === 'option'
        ? after('Mettez la graine choisie en séance juste après --seed, entre guillemets si elle contient des espaces (--seed "4 2 6 1 5 3").')
        : null;
    case 'seal_key_missing':
      return after(SEAL_KEY_FILE);
    case 'bad_seal_key':
      return problem.reason === 'given' ? null : after(SEAL_KEY_FILE);
    case 'bad_replacement':
      return problem.reason === 'row_option' ? after(`Par exemple ${problem.which === 'leaving' ? '--row' : '--choose'} 7.`) : null;
    case 'record_not_conforming':
      return after(`La liste des différences : tirage-cln verify « ${problem.source} ».`);
    default:
      return null;
  }
}
