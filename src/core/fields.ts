/**
 * The fields of a candidature row and their French names: what a column is for. Apart from
 * columns.ts, which finds them, so that messages (core/messages.ts) can name a field without
 * depending on the reader.
 */

export type Field = 'id' | 'lastName' | 'firstName' | 'sex' | 'birthDate' | 'age' | 'sector';

export const FIELDS: readonly Field[] = ['id', 'lastName', 'firstName', 'sex', 'birthDate', 'age', 'sector'];

/** French names shown when a column is missing, and accepted as field names in a mapping. */
export const FIELD_LABELS: Record<Field, string> = {
  id: 'N°',
  lastName: 'Nom',
  firstName: 'Prénom',
  sex: 'Sexe',
  birthDate: 'Date de naissance',
  age: 'Âge',
  sector: 'Secteur',
};
