/**
 * The French sentences of every problem core reports, made in one place from codes and their
 * parameters (core/problems.ts, core/rowProblems.ts): row problems, input problems, the damage
 * of a record that cannot be read, and `verify`'s differences. Each says what is wrong and where,
 * in words that suit every front end; each front end adds its own remedy — the CLI its flags
 * (src/cli/remedies.ts), the task pane its buttons, the verifier page nothing — so no option of
 * the command line is named here.
 *
 * Stored data never holds these sentences: a later rewording changes what people read, never
 * whether a record verifies.
 */
import { FIELD_LABELS } from './fields';
import type {
  CoreInputProblem,
  CandidatureFacts,
  ColumnMappingFault,
  DataRowFault,
  Difference,
  HeaderCells,
  InputProblem,
  NotAMember,
  PersonFacts,
  RecordDamage,
  ReplacementFault,
  Unkeepable,
} from './problems';
import { displayName, INELIGIBILITY_LABELS, longFrenchDate, SEX_PLURAL } from './record/labels';
import type { CellValue } from './sheet';
import { areaAddress, MAX_CELL_LENGTH, MAX_ROWS } from './sheet';
import { WRITING_MARK } from './record/marks';
import type { RecordValue } from './record/model';
import type { BlankCause, RowProblem } from './rowProblems';
import { PLAIN_ALGORITHM, SEALED_ALGORITHM } from './rules';
import { SEALING_KEY_DIGITS, type SealingKeyProblem } from './sealingKey';
import { describeTypedCodeProblem } from './typedCode';
import { showInvisible, unicodeName } from './visibleText';

// ——— Small words ———

/** "2025-06-13" → "13/06/2025". */
function frenchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** "32 767" as French writes numbers. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
}

/** « Le classeur « x.xlsx » », or « Ce classeur » for the workbook open in Excel. */
function workbookName(source: string | null): string {
  return source === null ? 'Ce classeur' : `Le classeur « ${source} »`;
}

function quotedList(names: readonly string[]): string {
  return names.map((name) => `« ${name} »`).join(', ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}


/**
 * « DUPONT Marie (ligne 7, Est, femme) ». A row set aside may lack its sector or its sex (that is
 * often why it was set aside): what is missing is left out, never guessed.
 */
export function personText(person: PersonFacts): string {
  const sex = person.sex === 'F' ? 'femme' : person.sex === 'H' ? 'homme' : '';
  const facts = [`ligne ${person.row}`, person.sector ?? '', sex].filter((fact) => fact !== '');
  return `${displayName(person.lastName, person.firstName)} (${facts.join(', ')})`;
}

/** Why a person cannot leave the council at that date: what their row says they are. */
function notAMember(row: number, why: NotAMember): string {
  if (why.kind === 'no_candidature') return `aucune candidature n’est à la ligne ${row}`;
  const who = personText(why.person);
  switch (why.kind) {
    case 'departed':
      return `${who} a déjà quitté le conseil le ${longFrenchDate(why.date)}`;
    case 'ineligible':
      return `la candidature de ${who} a été écartée du tirage${why.reason === null ? '' : ` (motif : ${INELIGIBILITY_LABELS[why.reason]})`} : elle n’a jamais été membre`;
    case 'reserve':
      return `${who} est sur la liste complémentaire (n° ${why.reserveRank}) et n’est pas membre à cette date`;
    case 'not_member_now':
      return `${who} n’est pas membre à cette date`;
  }
}

// ——— Row problems ———

/** What a person reads when a cell reads as empty for a reason the sheet does not show: what it is and what to do. */
export function describeBlankCause(cause: BlankCause): string {
  if (cause.kind === 'formula') {
    return (
      `Formule sans valeur calculée${cause.formula === '' ? '' : ` (=${cause.formula})`} : le classeur a été enregistré sans le résultat ` +
      'de ses formules. Ouvrez-le dans Excel et enregistrez-le, ou remplacez les formules par leurs valeurs (Copier, puis Collage spécial > Valeurs).'
    );
  }
  return (
    `La cellule ${areaAddress(cause.area)} est fusionnée : sa valeur ne compte que pour la ligne ${cause.area.top}. ` +
    'Annulez la fusion (Accueil > Fusionner et centrer) et renseignez la cellule de chaque ligne.'
  );
}

/**
 * The finer cause of a row problem, when the code alone does not tell what to fix; null when it
 * does. (Records written before the facts were kept stored this sentence; dataSheetV1.ts reads it back.)
 */
export function rowProblemDetail(problem: RowProblem): string | null {
  if ('blank' in problem && problem.blank !== undefined) return describeBlankCause(problem.blank);
  switch (problem.code) {
    case 'missing_name':
    case 'invalid_sex':
      return null;
    case 'unknown_sector':
      return `Secteurs possibles : ${problem.sectors.join(', ')}.`;
    case 'invalid_birth_date':
      if (problem.column === 'age') {
        return problem.cause === 'too_old'
          ? `Un âge de plus de ${problem.maximumAge} ans est une erreur de saisie : corrigez-le.`
          : 'Âge attendu : un nombre entier d’années.';
      }
      switch (problem.cause) {
        case 'not_a_date':
          return problem.value === '' ? null : 'Format attendu : JJ/MM/AAAA (par exemple 05/03/1990), pour une date qui existe.';
        case 'too_old':
          return `Cette date donne ${problem.age} ans au ${frenchDate(problem.referenceDate)} : plus de ${problem.maximumAge} ans, c’est une erreur de saisie (l’année ?).`;
        case 'after_reference_date':
          return `Cette date est postérieure à la date du tirage (${frenchDate(problem.referenceDate)}).`;
      }
      break;
    case 'under_age':
      return `${problem.age} an${problem.age > 1 ? 's' : ''} au ${frenchDate(problem.referenceDate)}, date du tirage ; l’âge minimum est ${problem.minimumAge} ans.`;
    case 'duplicate': {
      const same = problem.same === 'age' ? 'même âge' : 'même date de naissance';
      return (
        `Mêmes nom, prénom et ${same} (cellules ${problem.cells.join(', ')}) que la ligne ${problem.firstRow} (cellules ${problem.firstCells.join(', ')}) : ` +
        `une seule candidature par personne, seule la ligne ${problem.firstRow} participe au tirage. Supprimez la ligne en double.`
      );
    }
  }
}

/** What a person reads for a row problem: where, what is wrong, what to do. */
export function describeRowProblem(problem: RowProblem): string {
  const where = `Ligne ${problem.row}`;
  const cell = problem.cell ? ` (cellule ${problem.cell})` : '';
  const detailText = rowProblemDetail(problem);
  const detail = detailText ? ` ${detailText}` : '';
  const found = (empty: string, wrong: string) => (problem.value === '' ? empty : `${wrong} « ${showInvisible(problem.value)} »`);
  switch (problem.code) {
    case 'missing_name':
      // A detail here says why the cell reads as empty (a formula without result, a merge): that is the problem to fix.
      return detailText
        ? `${where}${problem.cell ? `, cellule ${problem.cell}` : ''} : ${lowerFirst(detailText)}`
        : `${where} : nom ou prénom manquant${cell}. Complétez la candidature ou retirez la ligne.`;
    case 'unknown_sector':
      return `${where} : ${found('secteur non renseigné', 'secteur inconnu')}${cell}.${detail}`;
    case 'invalid_sex':
      return `${where} : ${found('sexe non renseigné', 'sexe non reconnu')}${cell}.${detail || ' Indiquez F (femme) ou H (homme).'}`;
    case 'invalid_birth_date':
      return problem.column === 'age'
        ? `${where} : ${found('âge non renseigné', 'âge invalide')}${cell}.${detail}`
        : `${where} : ${found('date de naissance non renseignée', 'date de naissance invalide')}${cell}.${detail}`;
    case 'under_age':
      return `${where} : candidature irrecevable${cell} :${detail}`;
    case 'duplicate':
      return `${where} : doublon${cell}.${detail}`;
  }
}

/**
 * After the list of row problems: how many rows, and what can be done in any front end (each adds
 * how: the CLI its flag, the task pane a button).
 */
export function ineligibleRowsSummary(rows: number): string {
  return (
    `${rows} ligne${rows > 1 ? 's' : ''} ne peu${rows > 1 ? 'vent' : 't'} pas participer au tirage. ` +
    'Corrigez le tableau, ou écartez ces lignes du tirage : elles seront consignées au registre avec leur motif.'
  );
}

// ——— Parts of input problems ———

/** The French words for text a record could not keep exactly. */
export function describeUnkeepable(reason: Unkeepable): string {
  if (reason.kind === 'too_long') {
    const limit = reason.maximum === MAX_CELL_LENGTH ? ', la limite d’une cellule d’Excel' : ' permis';
    return `${count(reason.length)} caractères, au-delà des ${count(reason.maximum)}${limit}`;
  }
  return `caractère de contrôle invisible ${unicodeName(reason.codePoint)} en position ${count(reason.position)}, qu’un tableur ne garde pas`;
}

export function describeSealingKeyProblem(problem: SealingKeyProblem): string {
  if (problem.problem === 'digit_count') {
    return `${problem.digits} chiffre${problem.digits > 1 ? 's' : ''} hexadécima${problem.digits > 1 ? 'ux' : 'l'} au lieu de ${SEALING_KEY_DIGITS}`;
  }
  const character = problem.character;
  const what = /^[A-F]$/.test(character) ? 'une majuscule (la clé s’écrit en minuscules)' : 'un caractère qui n’est pas un chiffre hexadécimal (0 à 9, a à f)';
  return `${what}, « ${showInvisible(character)} », en position ${problem.position}`;
}

const EXPECTED_COLUMNS = 'N° (facultatif), Nom, Prénom, Sexe, Date de naissance (ou Âge), Secteur';

function headersText(header: HeaderCells): string {
  return header.cells.map(({ cell, text }) => `« ${showInvisible(text)} » (${cell})`).join(', ');
}

function columnMappingFault(fault: ColumnMappingFault): string {
  switch (fault.kind) {
    case 'no_header':
      return 'l’en-tête manque';
    case 'unknown_field':
      return `« ${showInvisible(fault.name)} » n’est pas un champ du tirage`;
    case 'field_twice':
      return `le champ « ${FIELD_LABELS[fault.field]} » est indiqué deux fois`;
    case 'header_twice':
      return `l’en-tête « ${showInvisible(fault.header)} » est déjà celui du champ « ${FIELD_LABELS[fault.field]} »`;
  }
}

export const SEAL_KEY_FILE = 'Le fichier de la clé de scellement contient 64 chiffres hexadécimaux (0 à 9, a à f, en minuscules), suivis au plus d’un retour à la ligne.';

// ——— Input problems ———

/** The sentence of an input problem: what is wrong, where, and what to do in any front end. */
export function describeInputProblem(problem: CoreInputProblem): string {
  switch (problem.code) {
    case 'unrecordable_candidatures': {
      const n = problem.rows.length;
      return `${problem.source} : ${n} candidature${n > 1 ? 's' : ''} que le registre ne pourrait pas écrire. Raccourcissez ces textes dans le tableau, puis recommencez.`;
    }
    case 'record_too_large': {
      const { officials } = problem;
      const present = officials > 0 ? ` (avec ${count(officials)} personne${officials > 1 ? 's' : ''} présente${officials > 1 ? 's' : ''} au procès-verbal)` : '';
      return (
        `${problem.source} : ${count(problem.rows)} lignes, trop pour le registre du tirage. Ses feuilles (Tirage, Procès-verbal, Données du tirage) ont une ligne par ` +
        `candidature et leurs titres, et une feuille Excel s’arrête à la ligne ${count(MAX_ROWS)} : le plus grand tableau dont le registre tient ` +
        `compte ${count(problem.largest)} lignes, en-tête compris${present}. ` +
        'Rien n’a été tiré. Retirez du tableau les lignes qui ne sont pas des candidatures, puis recommencez.'
      );
    }
    case 'unfinished_record': {
      const several = problem.sheets.length > 1;
      return (
        `${workbookName(problem.source)} garde un registre inachevé : ${several ? 'les feuilles' : 'la feuille'} ${quotedList(problem.sheets)} ${several ? 'portent' : 'porte'} en cellule A1 ` +
        `« ${WRITING_MARK} » ou « INACHEVÉ », et la vérification refuserait tout registre écrit à côté. Rien n’a été tiré. ` +
        'Supprimez les feuilles de ce registre inachevé (celles dont la cellule A1 porte cette mention), puis recommencez.'
      );
    }
    case 'reserved_sheet_name': {
      const several = problem.sheets.length > 1;
      return (
        `${workbookName(problem.source)} a ${several ? 'des feuilles' : 'une feuille'} ${quotedList(problem.sheets)} qui porte${several ? 'nt' : ''} le nom d’une feuille de registre de tirage ` +
        `(données du tirage, remplacement) sans en être une : la vérification ${several ? 'les' : 'la'} lirait comme telle${several ? 's' : ''} et refuserait ` +
        `tout registre écrit dans ce classeur. Rien n’a été tiré. Renommez ${several ? 'ces feuilles' : 'cette feuille'} (par exemple « Notes »), puis recommencez.`
      );
    }
    case 'public_record_unsealed':
      return (
        `Le registre public est celui d’un tirage scellé (${SEALED_ALGORITHM}) : il publie les candidatures scellées, sans donnée personnelle. ` +
        'Rien n’a été écrit.'
      );
    case 'sheet_not_found':
      return `Le classeur${problem.source === null ? '' : ` « ${problem.source} »`} n’a pas de feuille nommée « ${problem.sheet} ». Feuilles présentes : ${quotedList(problem.sheets)}.`;
    case 'table_not_found': {
      const present =
        problem.tables.length === 0
          ? 'ce classeur n’en contient aucun'
          : `tableaux présents : ${problem.tables.map((t) => `« ${t.name} » (feuille « ${t.sheet} »)`).join(', ')}`;
      return `Le classeur « ${problem.source} » n’a pas de tableau Excel nommé « ${problem.table} » (${present}).`;
    }
    case 'content_below_table':
      return (
        `La feuille « ${problem.sheet} » contient d’autres cellules remplies sous le tableau « ${problem.table} » (à partir de la ligne ${problem.row}) : ` +
        'elles ne feraient pas partie du tirage, qui ne lit que le tableau. Intégrez-les au tableau si ce sont des candidatures, ' +
        'ou déplacez-les sur une autre feuille, puis recommencez.'
      );
    case 'empty_table':
      if (problem.reason === 'file') {
        return (
          `Le fichier « ${problem.source} » est vide : aucune ligne n’y est remplie. ` +
          'Vérifiez que c’est le bon fichier, ou enregistrez à nouveau le tableau des candidatures depuis Excel.'
        );
      }
      return (
        `La feuille « ${problem.sheet} » du classeur « ${problem.source} » est vide. ` +
        (problem.others.length > 0 ? `Autres feuilles du classeur : ${quotedList(problem.others)}.` : 'Vérifiez que c’est le bon classeur.')
      );
    case 'table_too_large': {
      const megas = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('fr-FR')} Mo`;
      const what =
        problem.rows === null
          ? `Le fichier « ${problem.source} » pèse ${megas(problem.fileBytes)} : le lire demande à lui seul environ ${megas(problem.needed)} de mémoire`
          : `Le tableau « ${problem.source} » compte ${problem.rows.toLocaleString('fr-FR')} lignes : le tirer au sort demande environ ${megas(problem.needed)} de mémoire`;
      return `${what}, et Node.js n’en a que ${megas(problem.available)} ici.`;
    }
    case 'missing_columns':
      if (problem.reason === 'no_header') {
        const seen = problem.firstFilled ? ` En-têtes de la première ligne remplie (ligne ${problem.firstFilled.row}) : ${headersText(problem.firstFilled)}.` : '';
        return `${problem.source} : aucune ligne d’en-tête trouvée. La première ligne du tableau doit nommer les colonnes : ${EXPECTED_COLUMNS}.${seen}`;
      } else {
        const missing = problem.missing.map(({ field, mapped }) =>
          mapped !== null ? `${FIELD_LABELS[field]} (en-tête indiqué « ${showInvisible(mapped)} »)` : field === 'birthDate' ? 'Date de naissance (ou Âge)' : FIELD_LABELS[field],
        );
        const s = missing.length > 1 ? 's' : '';
        return (
          `${problem.source}, ligne ${problem.header.row} : colonne${s} obligatoire${s} introuvable${s} : ${missing.join(', ')}. ` +
          `Colonnes attendues : ${EXPECTED_COLUMNS}. En-têtes de cette ligne : ${headersText(problem.header)}.`
        );
      }
    case 'ambiguous_column': {
      const names = problem.columns.map((c) => `« ${showInvisible(c.header)} » (${c.cell})`).join(' et ');
      return (
        `Ligne ${problem.row} : plusieurs colonnes peuvent être « ${FIELD_LABELS[problem.field]} » : ${names}. ` +
        'Renommez ou supprimez celle qui ne doit pas servir au tirage, ou indiquez laquelle choisir.'
      );
    }
    case 'bad_column_mapping': {
      const fields = Object.values(FIELD_LABELS).join(', ');
      return `Correspondance des colonnes illisible, « ${showInvisible(problem.part)} » : ${columnMappingFault(problem.fault)}. Écrivez champ=en-tête, séparés par « ; » (champs : ${fields}).`;
    }
    case 'no_candidatures':
      return `${problem.source} : aucune candidature sous la ligne d’en-tête (ligne ${problem.headerRow}). Vérifiez le fichier ou la feuille choisie.`;
    case 'ineligible_rows':
      return ineligibleRowsSummary(new Set(problem.problems.map((p) => p.row)).size);
    case 'no_eligible':
      return 'Aucune candidature recevable : il n’y a personne à tirer au sort.';
    case 'duplicate_lines':
      return 'Deux candidatures recevables sont identiques (même ligne canonique) : une seule peut participer au tirage.';
    case 'unkeepable_cells': {
      const n = problem.cells.length;
      const s = n > 1 ? 's' : '';
      return `${problem.source} : ${n} cellule${s} que le registre ne pourrait pas garder telle${s} quelle${s}. Corrigez-${n > 1 ? 'les' : 'la'} dans le tableau (texte raccourci, caractère retiré), puis recommencez.`;
    }
    case 'empty_seed':
      return problem.reason === 'empty'
        ? 'La graine publique est vide. Saisissez le texte choisi en séance (par exemple les chiffres des dés lancés par les élus).'
        : `La graine publique « ${problem.seed} » est une option de la commande : la graine a sans doute été oubliée.`;
    case 'unkeepable_seed':
      return `La graine publique ne peut pas être consignée au registre : ${describeUnkeepable(problem.reason)}. Saisissez le texte choisi en séance, tel qu’il a été annoncé.`;
    case 'unkeepable_text':
      return `${problem.what} ne peut pas être consigné au registre : ${describeUnkeepable(problem.reason)}. Corrigez le texte saisi.`;
    case 'missing_reason':
      return 'Ce classeur contient déjà un tirage : indiquez pourquoi un nouveau tirage est fait. Le motif est inscrit au journal des tirages et au nouveau procès-verbal ; le premier registre reste intact.';
    case 'bad_reference_date':
      return problem.reason === 'unreadable'
        ? `Date du tirage invalide « ${problem.date} ». Indiquez-la au format AAAA-MM-JJ, par exemple 2025-06-13.`
        : `Date du tirage « ${problem.date} » à plus d’un an d’aujourd’hui (${problem.today}) : c’est sans doute une faute de frappe, ` +
            'et elle fausserait l’âge de chaque candidature. Indiquez la date de la séance publique (AAAA-MM-JJ).';
    case 'bad_mandate_start':
      switch (problem.reason) {
        case 'unreadable':
          return `Début du mandat invalide « ${problem.start} ». Indiquez-le au format AAAA-MM-JJ, par exemple 2025-07-01.`;
        case 'before_draw':
          return (
            `Début du mandat (${longFrenchDate(problem.start)}) avant la date du tirage (${longFrenchDate(problem.drawDate)}) : les membres ne peuvent pas être désignés ` +
            `avant d’être tirés au sort. Indiquez une date à partir du ${longFrenchDate(problem.drawDate)}.`
          );
        case 'too_late':
          return (
            `Début du mandat (${longFrenchDate(problem.start)}) plus d’un an après le tirage (${longFrenchDate(problem.drawDate)}) : c’est sans doute une faute de frappe. ` +
            'Indiquez la date de désignation des membres (AAAA-MM-JJ).'
          );
      }
      break;
    case 'bad_fingerprint':
      if (problem.which === 'replacement') {
        return (
          `Empreinte de remplacement illisible : ${describeTypedCodeProblem(problem.problem)}. Recopiez les ${problem.digits} chiffres hexadécimaux (0 à 9, a à f) ` +
          'publiés avec l’avis du dernier remplacement ; les espaces, les tirets, les retours à la ligne et les majuscules ne comptent pas.'
        );
      }
      return (
        `Empreinte annoncée illisible : ${describeTypedCodeProblem(problem.problem)}. Recopiez les ${problem.digits} chiffres hexadécimaux (0 à 9, a à f) ` +
        'affichés en séance ; les espaces, les tirets, les retours à la ligne et les majuscules ne comptent pas.'
      );
    case 'fingerprint_mismatch':
      // A sealed fingerprint also depends on the key (ALGORITHM.md §10).
      return (
        `L’empreinte du tableau n’est pas celle annoncée en séance : empreinte annoncée ${problem.announced}, empreinte actuelle ${problem.actual}. ` +
        `Les candidatures ont changé depuis l’annonce, ou ce n’est pas le même fichier, la même feuille${problem.sealed ? ', la même clé de scellement' : ''} ou la même date. Le tirage n’a pas été fait.`
      );
    case 'bad_seal_key':
      switch (problem.reason) {
        case 'given':
          return `Clé de scellement illisible : ${describeSealingKeyProblem(problem.problem)}. Une clé de scellement s’écrit avec ${SEALING_KEY_DIGITS} chiffres hexadécimaux en minuscules.`;
        case 'file':
          return `Le fichier « ${problem.path} » n’est pas une clé de scellement : ${describeSealingKeyProblem(problem.problem)}. ${SEAL_KEY_FILE}`;
        case 'file_too_large':
          return `« ${problem.path} » n’est pas un fichier de clé de scellement : il est bien trop grand. ${SEAL_KEY_FILE}`;
        case 'kept':
          return (
            'La clé de scellement gardée dans ce classeur est illisible, ou il y en a plusieurs : l’empreinte annoncée ne peut pas être retrouvée. ' +
            'Relisez le tableau : une nouvelle clé et une nouvelle empreinte seront données, à annoncer avant de choisir la graine.'
          );
      }
      break;
    case 'bad_receipt':
      return (
        `Reçu illisible : ${describeTypedCodeProblem(problem.problem)}. Recopiez les ${problem.digits} chiffres hexadécimaux (0 à 9, a à f) du reçu, ` +
        'par exemple 3f9a-0c1e-77b2-d4e8-91aa-5c03 ; les tirets, les espaces et les majuscules ne comptent pas.'
      );
    case 'bad_replacement':
      return replacementMessage(problem);
    case 'choice_needed': {
      const n = problem.offered.length;
      return (
        `La liste complémentaire ${problem.sector}, ${SEX_PLURAL[problem.sex]} est épuisée : choisissez une des ${n === 1 ? 'personne proposée' : `${n} personnes proposées`}, ` +
        'dans l’ordre d’appel (même sexe dans les autres secteurs, puis autre sexe dans ce secteur).'
      );
    }
    case 'record_not_conforming': {
      const n = problem.differences.length;
      return `« ${problem.source} » n’est pas conforme (${n} différence${n > 1 ? 's' : ''} avec le tirage recalculé) : aucun remplacement n’y est consigné. Retrouvez le registre d’origine.`;
    }
  }
}

function replacementMessage(problem: Extract<InputProblem, { code: 'bad_replacement' }>): string {
  switch (problem.reason) {
    case 'row_option':
      return `Numéro de ligne illisible « ${problem.text} » : indiquez un numéro de ligne du tableau des candidatures (colonne « Ligne » de la feuille Tirage).`;
    case 'unreadable_date':
      return `Date du remplacement invalide « ${problem.date} ». Indiquez-la au format AAAA-MM-JJ, par exemple 2026-01-15.`;
    case 'before_draw':
      return `Remplacement daté du ${longFrenchDate(problem.date)}, avant le tirage du ${longFrenchDate(problem.drawDate)} : indiquez la date du départ, pendant le mandat.`;
    case 'after_mandate':
      return `Remplacement daté du ${longFrenchDate(problem.date)}, après la fin du mandat (${longFrenchDate(problem.mandateEnd)}) : un nouveau mandat demande un nouveau tirage.`;
    case 'before_previous':
      return `Remplacement daté du ${longFrenchDate(problem.date)}, avant le remplacement précédent (${longFrenchDate(problem.previous)}) : les remplacements s’enregistrent dans l’ordre des dates.`;
    case 'after_today':
      return (
        `Départ daté du ${longFrenchDate(problem.date)}, après aujourd’hui (${longFrenchDate(problem.today)}) : un départ se consigne une fois survenu. ` +
        'Daté à l’avance, il bloquerait tout départ daté avant lui ; consignez-le le jour venu.'
      );
    case 'no_reason':
      return 'Motif du remplacement manquant : indiquez-le (par exemple « Démission »).';
    case 'not_a_member':
      return `Ligne ${problem.row} : ${notAMember(problem.row, problem.why)}. Indiquez la ligne d’origine d’un membre (colonne « Ligne » de la feuille Tirage).`;
    case 'choice_not_allowed':
      return `Un choix (ligne ${problem.chosenRow}) n’est possible que si la liste complémentaire du même secteur et du même sexe est épuisée ; ici, c’est ${personText(problem.next)} qui remplace.`;
    case 'nobody_to_choose':
      return `Ligne ${problem.chosenRow} : personne ne peut être choisi, la liste complémentaire est épuisée ; le siège reste vacant.`;
    case 'not_offered':
      return `Ligne ${problem.chosenRow} : cette personne ne fait pas partie des personnes proposées (lignes ${problem.offered.join(', ')}).`;
  }
}

/**
 * The lines that come with a problem, one per item, when it has several (the rows set aside,
 * the cells that cannot be kept, the people offered, the differences); [message] otherwise.
 */
export function inputProblemLines(problem: CoreInputProblem): string[] {
  switch (problem.code) {
    case 'ineligible_rows':
      return problem.problems.map(describeRowProblem);
    case 'unkeepable_cells':
      return problem.cells.map(({ row, cell, reason }) => `Ligne ${row}, cellule ${cell} : ${describeUnkeepable(reason)}.`);
    case 'unrecordable_candidatures':
      return problem.rows.map(
        ({ row, what, length }) =>
          `Ligne ${row} : ${what === 'name' ? 'le nom et le prénom, avec le numéro de tirage' : 'le nom et le prénom, avec le motif qui écarte la candidature et la valeur en cause,'} ` +
          `feraient ${count(length)} caractères dans une cellule du procès-verbal, au-delà des ${count(MAX_CELL_LENGTH)}, la limite d’une cellule d’Excel.`,
      );
    case 'choice_needed':
      return problem.offered.map((o, i) => `  ${i + 1}. ${personText(o)}, liste complémentaire n° ${o.reserveRank}`);
    case 'record_not_conforming':
      return [...problem.differences.slice(0, 20).map(describeDifference), `« ${problem.source} » n’est pas conforme : aucun remplacement n’y est consigné.`];
    default:
      return [describeInputProblem(problem)];
  }
}

// ——— A record that cannot be read ———

export function describeRecordDamage(damage: RecordDamage): string {
  switch (damage.kind) {
    case 'no_public_register':
      return 'aucune feuille « Registre public » : ce classeur n’est pas un registre public de tirage';
    case 'no_data_sheet':
      return 'aucune feuille « Données du tirage » : ce classeur n’est pas un registre de tirage';
    case 'data_sheet_not_found':
      return `feuille « ${damage.sheet} » introuvable`;
    case 'title_missing':
      return 'la feuille ne commence pas par son titre « Données du tirage »';
    case 'parameter_missing':
      return `paramètre « ${damage.label} » introuvable dans « ${damage.sheet} »`;
    case 'rules_line_unreadable':
      return `la ligne des règles n’est pas lisible (« ${damage.line} »)`;
    case 'rules_line_malformed':
      return `la ligne des règles n’a pas la forme attendue (« ${damage.line} »)`;
    case 'algorithm_unsupported':
      return `algorithme « ${damage.algorithm} » non pris en charge par cette version (seuls ${damage.supported.join(' et ')} le sont)`;
    case 'algorithm_mismatch':
      return `algorithme « ${damage.algorithm} » non pris en charge, ou autre que celui de la ligne des règles (${damage.rulesAlgorithm})`;
    case 'sealing_key_unexpected':
      return `« ${damage.sheet} » consigne une clé de scellement pour un tirage ${PLAIN_ALGORITHM}, qui n’en a pas`;
    case 'sealing_key_missing':
      return `clé de scellement introuvable dans « ${damage.sheet} » : un tirage ${SEALED_ALGORITHM} ne peut pas être recalculé sans elle`;
    case 'sealing_key_unreadable':
      return `clé de scellement illisible dans « ${damage.sheet} » (${describeSealingKeyProblem(damage.problem)})`;
    case 'reference_date_unreadable':
      return `date du tirage illisible « ${damage.date} »`;
    case 'mandate_start_impossible':
      return `début du mandat impossible « ${damage.start} »`;
    case 'candidate_table_missing':
      return `tableau des candidatures introuvable dans « ${damage.sheet} »`;
    case 'record_sheets_unreadable':
      return `liste des feuilles du registre illisible dans « ${damage.sheet} »`;
    case 'input_sheets_unreadable':
      return `liste des feuilles d’origine illisible dans « ${damage.sheet} »`;
    case 'bounds_unreadable':
      return `plage du tableau des candidatures illisible dans « ${damage.sheet} » (« ${damage.text} »)`;
    case 'column_mapping_unreadable':
      return `correspondance des colonnes illisible dans « ${damage.sheet} » (« ${damage.text} »)`;
    case 'data_row':
      return describeDifference(damage.difference);
  }
}

// ——— verify's differences ———

function shown(value: CellValue | RecordValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (value instanceof Date) return `« ${value.toISOString().slice(0, 10)} » (date)`;
  return typeof value === 'number' ? String(value).replace('.', ',') : `« ${String(value)} »`;
}

/** Everything the data sheet records of a candidature, as `verify` shows it. */
function candidatureText(c: CandidatureFacts): string {
  if (c.eligible) return `recevable ${c.line}`;
  const { problem } = c;
  const onAge = problem.code === 'invalid_birth_date' && problem.column === 'age';
  const facts = [c.sector, c.sex, c.lastName, c.firstName, c.birthDate, c.age, c.id, problem.cell, problem.value, rowProblemDetail(problem), onAge];
  return `écartée (${problem.code}) ${JSON.stringify(facts)}`;
}

export function describeDataRowFault(fault: DataRowFault): string {
  switch (fault.kind) {
    case 'row_number':
      return `numéro de ligne illisible « ${fault.found} ».`;
    case 'row_repeated':
      return `la ligne ${fault.candidatureRow} des candidatures apparaît deux fois.`;
    case 'age':
      return `âge illisible « ${fault.found} ».`;
    case 'eligible':
      return `« Recevable » doit valoir oui ou non, trouvé « ${fault.found} ».`;
    case 'reason':
      return `motif inconnu « ${fault.found} ».`;
    case 'cause':
      return `cause illisible « ${fault.found} ».`;
    case 'sex':
      return `sexe « ${fault.found} » impossible pour une candidature recevable.`;
    case 'sector':
      return `secteur « ${fault.found} » inconnu des règles.`;
    case 'age_missing':
      return 'âge manquant pour une candidature recevable.';
  }
}

function replacementFault(sheet: string, fault: ReplacementFault): string {
  switch (fault.kind) {
    case 'fact_missing':
      return `Feuille « ${sheet} » : « ${fault.label} » introuvable à sa place ; la feuille a été modifiée.`;
    case 'leaving_row':
      return `Feuille « ${sheet} » : ligne du membre sortant illisible « ${fault.found} ».`;
    case 'chosen_row':
      return `Feuille « ${sheet} » : ligne choisie illisible « ${fault.found} ».`;
  }
}

/** A problem a difference keeps: the engine's, worded here, or the words it came with. */
export function keptProblemText(problem: CoreInputProblem | { message: string }): string {
  return 'message' in problem ? problem.message : describeInputProblem(problem);
}

/** A sheet added after the draw that looks like no record sheet: not a difference, said so the reader knows. */
export function describeAddedSheet(sheet: string): string {
  return `Feuille « ${sheet} » : feuille ajoutée après le tirage ; elle ne fait pas partie du registre.`;
}

/** "#FFFFFF (blanc)": a colour as a reader can check it. */
function colorName(rgb: string): string {
  const named: Record<string, string> = { '000000': ' (noir)', FFFFFF: ' (blanc)' };
  return `#${rgb}${named[rgb] ?? ''}`;
}

function fillName(fill: string | null): string {
  if (fill === null) return 'sans couleur';
  return /^[0-9A-F]{6}$/.test(fill) ? `de couleur ${colorName(fill)}` : `« ${fill} »`;
}

function points(size: number): string {
  return `${String(size).replace('.', ',')} point${size >= 2 ? 's' : ''}`;
}

/** The sentence of one difference, naming the sheet and the cell (or row) it is about. */
export function describeDifference(d: Difference): string {
  switch (d.code) {
    case 'cell_value':
      return `${d.sheet}, cellule ${d.cell} : attendu ${shown(d.expected)}, trouvé ${shown(d.found)}.`;
    case 'disguising_format':
      return `${d.sheet}, cellule ${d.cell} : format d’affichage « ${d.format} », qui peut montrer autre chose que la valeur.`;
    case 'hidden_sheet':
      return (
        `Feuille « ${d.sheet} » : masquée${d.visibility === 'veryHidden' ? ' (« très masquée » : Excel n’offre même pas de l’afficher)' : ''} ; ` +
        'une feuille du registre reste visible, pour qu’on lise celle-ci et non une autre à sa place.'
      );
    case 'formula':
      return `${d.sheet}, cellule ${d.cell} : formule « =${d.formula} » ; le registre n’a que des valeurs, et une formule peut afficher autre chose que la valeur enregistrée.`;
    case 'conditional_format':
      return `${d.sheet}, cellule ${d.cell} : mise en forme conditionnelle (sur ${d.area}) ; elle peut changer ce que la cellule affiche, et le registre n’en a aucune.`;
    case 'data_validation':
      return `${d.sheet}, cellule ${d.cell} : validation des données (sur ${d.area}), que le registre n’a pas.`;
    case 'hidden_row':
      return `${d.sheet}, ligne ${d.row} : ligne masquée ; elle ne se voit ni à l’écran ni à l’impression.`;
    case 'hidden_column':
      return `${d.sheet}, colonne ${d.column} : colonne masquée ; elle ne se voit ni à l’écran ni à l’impression.`;
    case 'print_area':
      return `Feuille « ${d.sheet} » : zone d’impression « ${d.area} » ; imprimée, la feuille ne montrerait qu’une partie du registre.`;
    case 'number_format':
      return `${d.sheet}, cellule ${d.cell} : format d’affichage « ${d.found} », attendu « ${d.expected} ».`;
    case 'font_color':
      return `${d.sheet}, cellule ${d.cell} : texte de couleur ${colorName(d.found)}, attendu ${colorName(d.expected)}.`;
    case 'font_size':
      return `${d.sheet}, cellule ${d.cell} : texte en ${points(d.found)}, attendu ${points(d.expected)}.`;
    case 'fill':
      return `${d.sheet}, cellule ${d.cell} : fond ${fillName(d.found)}, attendu ${fillName(d.expected)}.`;
    case 'sheet_missing':
      return `Feuille « ${d.sheet} » manquante.`;
    case 'candidature_sheet_missing':
      return `Feuille des candidatures « ${d.sheet} » manquante.`;
    case 'record_unreadable':
      return `« ${d.sheet} » : ${describeRecordDamage(d.damage)}.`;
    case 'data_row':
      return `${d.sheet}, ligne ${d.row} : ${describeDataRowFault(d.fault)}`;
    case 'data_sheet_renamed':
      return `« ${d.sheet} » se présente comme la feuille « ${d.statedName} » : la liste des feuilles du registre a été modifiée.`;
    case 'not_recomputable':
      return `« ${d.sheet} » : le tirage ne peut pas être recalculé à partir de ces données (${keptProblemText(d.reason)}).`;
    case 'fingerprint_differs':
      return `Empreinte recalculée à partir de « ${d.sheet} » : ${d.computed} ; empreinte consignée : ${d.recorded}.`;
    case 'seed_key_differs':
      return `Clé de tirage recalculée : ${d.computed} ; clé consignée : ${d.recorded}.`;
    case 'candidatures_unreadable':
      return `Feuille « ${d.sheet} » : ${keptProblemText(d.problem)}`;
    case 'candidature_not_recorded':
      return `Feuille « ${d.sheet} », ligne ${d.row} : candidature absente de « ${d.dataSheet} » (${candidatureText(d.found)}).`;
    case 'candidature_differs':
      return `Feuille « ${d.sheet} », ligne ${d.row} : la feuille donne ${candidatureText(d.found)}, « ${d.dataSheet} » consigne ${candidatureText(d.recorded)}.`;
    case 'recorded_row_not_in_sheet':
      return `« ${d.sheet} » : la ligne ${d.row} ne correspond à aucune candidature de la feuille « ${d.candidatureSheet} ».`;
    case 'replacement_unreadable':
      return replacementFault(d.sheet, d.fault);
    case 'replacement_against_rule':
      return `Feuille « ${d.sheet} » : ce remplacement ne suit pas la règle. ${keptProblemText(d.problem)}`;
    case 'replacement_orphan':
      return `Feuille « ${d.sheet} » : remplacement rattaché à « ${d.dataSheet} », qui n’est pas un tirage lisible de ce classeur.`;
    case 'data_sheet_missing':
      return (
        `Feuille « Données du tirage » manquante : le classeur contient les feuilles de registre ${quotedList(d.sheets)}, mais plus les données qui ` +
        'permettent de recalculer le tirage et de les vérifier.'
      );
    case 'stray_record_sheet':
      return `Feuille « ${d.sheet} » : nommée comme une feuille de registre, elle n’appartient à aucun tirage consigné dans ce classeur.`;
    case 'journal_line_unknown':
      return `« ${d.sheet} », ligne ${d.row} : issue « ${d.found} » inconnue ; la ligne n’a pas été écrite par le complément.`;
    case 'journal_record_deleted':
      return (
        `« ${d.sheet} », ligne ${d.row} : le tirage du ${d.time} (empreinte ${d.fingerprint}, graine « ${d.publicSeed} ») a été consigné ` +
        `dans la feuille « ${d.dataSheet} », absente du classeur : les feuilles de ce registre ont été supprimées.`
      );
    case 'announced_fingerprint_not_found': {
      const why = 'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.';
      if (d.recorded.length === 1) return `L’empreinte annoncée en séance (${d.announced}) n’est pas celle du tirage consigné (${d.recorded[0]}) : ${why}`;
      const which = d.recorded.length === 0 ? 'aucune empreinte consignée lisible' : `empreintes consignées : ${d.recorded.join(', ')}`;
      return `L’empreinte annoncée en séance (${d.announced}) n’est celle d’aucun tirage de ce classeur (${which}) : ${why}`;
    }
    case 'replacement_fingerprint_not_found': {
      const what = `L’empreinte de remplacement publiée (${d.announced})`;
      const last = d.recorded[d.recorded.length - 1];
      if (last === undefined) {
        return `${what} ne peut pas être vérifiée : aucun remplacement n’est consigné. Le remplacement publié a été supprimé, ou ce n’est pas le bon registre.`;
      }
      const earlier = d.recorded.indexOf(d.announced);
      if (earlier >= 0) {
        return (
          `${what} est celle du remplacement n° ${earlier + 1}, pas du dernier (n° ${d.recorded.length}, empreinte ${last}) : ` +
          'des remplacements ont été consignés après celui qui a été publié.'
        );
      }
      return (
        `${what} n’est celle d’aucun remplacement consigné (dernier, n° ${d.recorded.length} : ${last}) : un remplacement a été modifié ` +
        '(date, motif, personne qui part ou qui arrive) ou supprimé, ou l’empreinte a été mal recopiée.'
      );
    }
    case 'announced_seed_not_found': {
      const why = 'ce registre n’est pas celui du tirage annoncé, ou la graine a été mal recopiée.';
      if (d.recorded.length === 1 && d.sheet !== undefined) {
        return `${d.sheet}, cellule ${d.cell} : la graine annoncée en séance (« ${d.announced} ») n’est pas celle du tirage consigné (« ${d.recorded[0].seed} ») : ${why}`;
      }
      const which = d.recorded.length === 0 ? 'aucune graine consignée lisible' : `graines consignées : ${d.recorded.map((r) => `« ${r.seed} » dans « ${r.dataSheet} »`).join(', ')}`;
      return `La graine annoncée en séance (« ${d.announced} ») n’est celle d’aucun tirage de ce classeur (${which}) : ${why}`;
    }
    case 'look_alike_sheet':
      return `Feuille « ${d.sheet} » : ajoutée après le tirage, sous un nom qu’on peut prendre pour celui de la feuille « ${d.like} » du registre ; elle n’en fait pas partie.`;
    case 'earlier_sheet_removed':
      return d.journal
        ? `${d.sheet}, cellule ${d.cell} : le journal « ${d.removed} » était dans le classeur lors de ce tirage, et il a été supprimé ; il gardait chaque tentative de tirage faite dans ce classeur.`
        : `${d.sheet}, cellule ${d.cell} : la feuille « ${d.removed} », nommée comme celles d’un tirage et présente dans le classeur avant ce tirage, a été supprimée.`;
  }
}
