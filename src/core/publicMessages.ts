/**
 * The French of what only the check of a public record (`tirage-cln/2`) finds (ALGORITHM.md §10–§11):
 * its own register read again, and the auditor's comparison with the private record. Apart from
 * messages.ts so that the task pane, which checks no public record, does not carry these sentences
 * in its bundle (its 250 KB budget); every other difference is worded by describeDifference.
 */
import { describeDataRowFault, describeDifference, describeRecordDamage, keptProblemText } from './messages';
import type { PublicDifference, PublicRegisterDamage, PublicRowFault, RecordDamage } from './problems';
import { SEALED_ALGORITHM } from './rules';

function publicRowFault(fault: PublicRowFault): string {
  switch (fault.kind) {
    case 'reason':
    case 'sector':
      return describeDataRowFault(fault);
    case 'count':
      return `nombre illisible « ${fault.found} ».`;
    case 'leaving_draw_number':
      return `n° de tirage sortant illisible « ${fault.found} ».`;
    case 'joining_draw_number':
      return `n° de tirage entrant illisible « ${fault.found} ».`;
    case 'seal':
      return `sceau illisible « ${fault.found} » (64 chiffres hexadécimaux en minuscules).`;
    case 'sex':
      return `sexe « ${fault.found} » (F ou H).`;
    case 'priority':
      return `priorité d’âge « ${fault.found} » (oui ou non).`;
    case 'name_missing':
      return 'nom manquant ; le registre public nomme chaque membre et chaque personne de la liste complémentaire.';
  }
}

/** The sentence of one difference of a public record, naming the sheet and the cell (or row) it is about. */
export function describePublicDifference(d: PublicDifference): string {
  switch (d.code) {
    case 'public_row':
      return `${d.sheet}, ligne ${d.row} : ${publicRowFault(d.fault)}`;
    case 'public_register_refused':
      return `« ${d.sheet} » : ${keptProblemText(d.problem)}`;
    case 'public_rules_line':
      return `« ${d.sheet} » : la ligne des règles (${d.line}) n’est pas celle d’un tirage ${SEALED_ALGORITHM} du ${d.referenceDate}.`;
    case 'public_fingerprint_differs':
      return `Empreinte recalculée à partir de la table scellée de « ${d.sheet} » : ${d.computed} ; empreinte consignée : ${d.recorded}.`;
    case 'public_table_size':
      return `« ${d.sheet} » : ${d.lines} ligne(s) scellée(s) et ${d.setAside} candidature(s) écartée(s) : ce n’est pas un tableau de candidatures tiré au sort.`;
    case 'public_replacement_against_rule':
      return `${d.sheet}, ligne ${d.row} : ce remplacement ne suit pas la règle (les numéros de ligne y sont les n° de tirage). ${keptProblemText(d.problem)}`;
    case 'public_sheet_foreign':
      return `Feuille « ${d.sheet} » : elle ne fait pas partie d’un registre public, qui n’a que ${d.own.map((name) => `« ${name} »`).join(' et ')}.`;
    case 'announced_fingerprint_not_public':
      return (
        `L’empreinte annoncée en séance (${d.announced}) n’est pas celle du registre public (${d.recorded}) : ` +
        'ce registre n’est pas celui du tirage annoncé, ou l’empreinte a été mal recopiée.'
      );
    case 'public_replacements_not_recorded':
      return (
        `Le registre public liste ${d.published} remplacement(s), le registre n’en consigne que ${d.recorded} : ` +
        'des remplacements publiés manquent au registre.'
      );
    case 'public_sheet_missing':
      return `Feuille « ${d.sheet} » manquante dans le registre public.`;
    case 'public_sheet_extra':
      return `Feuille « ${d.sheet} » : elle ne fait pas partie du registre public que donne le registre.`;
    case 'public_record_of_no_draw': {
      const which = d.recorded.length === 0 ? 'ce registre n’a aucun tirage scellé lisible' : `empreintes des tirages scellés du registre : ${d.recorded.join(', ')}`;
      return `Le registre public (empreinte ${d.fingerprint}) n’est celui d’aucun tirage de ce registre (${which}).`;
    }
    default:
      return describeDifference(d);
  }
}

/** Why a workbook is no readable public record: a « Registre public » not as the tool wrote it, or a damage any record may have. */
export function describePublicRegisterDamage(damage: RecordDamage | PublicRegisterDamage): string {
  switch (damage.kind) {
    case 'public_register_title':
      return `« ${damage.sheet} » ne commence pas par le titre d’un registre public`;
    case 'public_table_missing':
      return `table scellée introuvable dans « ${damage.sheet} » (en-tête ${damage.header.map((h) => `« ${h} »`).join(', ')})`;
    case 'public_register_algorithm':
      return `algorithme « ${damage.algorithm} » : un registre public est celui d’un tirage scellé, ${SEALED_ALGORITHM}`;
    case 'set_aside_missing':
      return `nombre des candidatures écartées introuvable dans « ${damage.sheet} »`;
    default:
      return describeRecordDamage(damage);
  }
}
