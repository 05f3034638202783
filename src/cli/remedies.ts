/**
 * What the command line adds to a problem reported by core: core says what is wrong and where, in
 * words that suit any front end; here, the option that remedies it (the task pane offers a button).
 */
import type { InputErrorCode } from '../core';

const REMEDIES: Partial<Record<InputErrorCode, string>> = {
  ineligible_rows: 'Pour écarter ces lignes en les consignant au registre avec leur motif, relancez avec --exclude-invalid.',
  missing_columns:
    'Si une colonne porte un autre nom, désignez-la avec --columns "<champ>=<en-tête>;…", par exemple ' +
    '--columns "Sexe=Vous êtes :;Secteur=Dans quel secteur habitez-vous ?".',
  choice_needed: 'Relancez avec --choose <ligne> : le choix et la règle seront consignés dans la feuille Remplacement.',
  ambiguous_column:
    'Vous pouvez aussi désigner la colonne à prendre avec --columns "<champ>=<en-tête>", ou, si la feuille porte plusieurs ' +
    'tableaux Excel côte à côte, lire l’un d’eux avec --table <nom>.',
};

/** The option that carries a draw request's field, where core's sentence names only the field. */
const FIELD_OPTIONS: Partial<Record<string, string>> = { place: '--place', officials: '--officials' };

export function cliRemedy(code: InputErrorCode, field?: string): string | null {
  const option = field === undefined ? undefined : FIELD_OPTIONS[field];
  if (option !== undefined) return `Corrigez la valeur de l’option ${option}.`;
  return REMEDIES[code] ?? null;
}
