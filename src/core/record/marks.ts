/**
 * What cell A1 of a record sheet says while the add-in writes the record, in place of the sheet's
 * title (the title and the protection are written last): a record cut short is never taken for a
 * finished one, and `verify` refuses a sheet that carries either mark (its A1 is not its title).
 */

/** While the record is being written: neutral, for a room watching a session that goes well. */
export const WRITING_MARK = 'Registre en cours d’écriture';

/** Written instead, only when the writing really stopped and the add-in could still write it. */
export const UNFINISHED_MARK = 'INACHEVÉ — l’écriture de ce registre s’est arrêtée avant la fin : cette feuille ne vaut pas registre ; supprimez-la.';

export const RECORD_MARKS: readonly string[] = [WRITING_MARK, UNFINISHED_MARK];
