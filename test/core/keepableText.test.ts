import { MAX_CELL_LENGTH, describeUnkeepable, refuseUnkeepableCells, unkeepable } from '../../src/core/keepableText';
import { normalisePublicSeed, WHOLE_SHEET } from '../../src/core';
import { errorOf } from '../support/errors';
import { tableOf } from '../support/tables';

describe('unkeepable', () => {
  it('keeps ordinary text, tabs, line breaks, accents, emoji and the longest cell Excel allows', () => {
    for (const text of ['Lefèvre', 'a\tb\r\nc\nd', 'Zoë 🦊 Ñ', 'x'.repeat(MAX_CELL_LENGTH), '']) {
      expect(unkeepable(text)).toBeNull();
    }
  });

  it('refuses a cell over 32,767 characters, as Excel does', () => {
    expect(unkeepable('x'.repeat(MAX_CELL_LENGTH + 1))).toEqual({ kind: 'too_long', length: 32_768, maximum: 32_767 });
  });

  it.each([
    ['\u0000', 0x0000],
    ['\u0007', 0x0007],
    ['\u000b', 0x000b],
    ['\u001b', 0x001b],
    ['\u007f', 0x007f],
    ['\u0085', 0x0085],
    ['\ufffe', 0xfffe],
    ['\ud800', 0xd800],
    ['\udc00', 0xdc00],
  ])('refuses the control character or non-character %j, with its position', (character, codePoint) => {
    expect(unkeepable(`ab${character}c`)).toEqual({ kind: 'control_character', codePoint, position: 3 });
  });

  it('refuses exactly the code units the definition names, each alone and after a valid pair', () => {
    // The rule stated at the top of keepableText.ts, as a regular expression over code units.
    const definition = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      const expected = definition.test(character) ? { kind: 'control_character', codePoint: code, position: 3 } : null;
      expect(unkeepable(`\ud83e\udd8a${character}`)).toEqual(expected);
    }
  });

  it('says it in French', () => {
    expect(describeUnkeepable({ kind: 'too_long', length: 40_000, maximum: MAX_CELL_LENGTH })).toBe(
      '40 000 caractères, au-delà des 32 767, la limite d’une cellule d’Excel',
    );
    expect(describeUnkeepable({ kind: 'control_character', codePoint: 0x1b, position: 4 })).toBe(
      'caractère de contrôle invisible U+001B en position 4, qu’un tableur ne garde pas',
    );
  });
});

describe('refuseUnkeepableCells', () => {
  it('names every cell the record could not keep, anywhere in the table, even in a column the draw ignores', () => {
    const table = tableOf(
      [
        ['1', 'Martin', 'Léa', 'F', '1990-01-01', 'Est', 'x'.repeat(40_000)],
        ['2', 'Dur\u0007and', 'Loïc', 'H', '1990-01-01', 'Est', null],
      ],
      ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur', 'Commentaire'],
      'longues.csv',
    );
    const error = errorOf(() => refuseUnkeepableCells(table, WHOLE_SHEET));
    expect(error.code).toBe('unkeepable_cells');
    expect(error.lines).toEqual([
      'Ligne 2, cellule G2 : 40 000 caractères, au-delà des 32 767, la limite d’une cellule d’Excel.',
      'Ligne 3, cellule B3 : caractère de contrôle invisible U+0007 en position 4, qu’un tableur ne garde pas.',
    ]);
    expect(error.message).toContain('longues.csv : 2 cellules que le registre ne pourrait pas garder telles quelles');
    expect(error.message).toContain(' Corrigez-les dans le tableau ');
  });

  it('says « Corrigez-la » for one cell', () => {
    const table = tableOf([['1', 'Dur\u0007and', 'Loïc', 'H', '1990-01-01', 'Est']], ['N°', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Secteur'], 'une.csv');
    expect(errorOf(() => refuseUnkeepableCells(table, WHOLE_SHEET)).message).toBe(
      'une.csv : 1 cellule que le registre ne pourrait pas garder telle quelle. Corrigez-la dans le tableau (texte raccourci, caractère retiré), puis recommencez.',
    );
  });
});

describe('the public seed', () => {
  it('is empty when made only of invisible characters', () => {
    for (const seed of ['\u200b', '\u200b\u200d \u2060', '\ufeff\u00ad', '\u3164', '\u00a0\u202f']) {
      expect(errorOf(() => normalisePublicSeed(seed)).code).toBe('empty_seed');
    }
  });

  it('is refused with a control character, or over 1,000 characters', () => {
    expect(errorOf(() => normalisePublicSeed('4 2\u0000 6')).message).toBe(
      'La graine publique ne peut pas être consignée au registre : caractère de contrôle invisible U+0000 en position 4, ' +
        'qu’un tableur ne garde pas. Saisissez le texte choisi en séance, tel qu’il a été annoncé.',
    );
    expect(errorOf(() => normalisePublicSeed('7'.repeat(1001))).message).toContain('1 001 caractères, au-delà des 1 000 permis');
    expect(normalisePublicSeed('7'.repeat(1000))).toHaveLength(1000);
  });

  it('keeps a visible seed around invisible characters, and line breaks become spaces as §2 says', () => {
    expect(normalisePublicSeed('4\u200b2')).toBe('4\u200b2');
    expect(normalisePublicSeed(' 4\t2\n6 ')).toBe('4 2 6');
  });
});
