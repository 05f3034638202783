/**
 * `tirage-cln`: the command line. Exit codes: 0 done, 2 the input or the arguments are wrong
 * (message in French on stderr), 1 an unexpected failure.
 */
import { statSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError, PLAIN_ALGORITHM, buildPublicRecord, buildSealedTableWorkbook, checkDrawRequest, checkReferenceDateAhead, drawRequested, parseColumnMapping, referenceDateOf, requireDrawRequest, drawJsonPieces, prepareDraw, type DrawRequest, type PreparedDraw } from '../core';
import { fileBaseName } from '../file/bytes';
import { openTableFile, type TableFile } from '../file/readTable';
import { existingOrNewSealingKey, readSealingKey, saveNewSealingKey } from '../file/sealingKeyFile';
import { checkMemory } from './memory';
import { formatDraw, formatProbabilities } from './format';
import { probabilitiesJsonPieces } from './probabilitiesJson';
import { drawAndRecord, verifyFile, type RecordOptions } from './record';
import { publicOutputPath, refuseUnsealedPublicRecord, writePublicWorkbook } from './publicRecord';
import { formatReplacement, replaceMember, replacementJson, type ReplaceOptions } from './replace';
import { cliRemedy } from './remedies';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today's date, ISO: the default reference date. */
  today: () => string;
}

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_INPUT = 2;
export const EXIT_NOT_CONFORMING = 3;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const nodeIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  today: localToday,
};

interface TableOptions {
  date?: string;
  sheet?: string;
  table?: string;
  excludeInvalid?: boolean;
  json?: boolean;
  columns?: string;
}

/** The table of a file, read once its size is known to fit in memory, with its workbook's package (for the record). */
async function readTableFor(file: string, options: TableOptions): Promise<TableFile> {
  const bytes = fileSize(file);
  if (bytes !== null) checkMemory(fileBaseName(file), null, bytes);
  const opened = await openTableFile(file, { ...(options.sheet === undefined ? {} : { sheet: options.sheet }), ...(options.table === undefined ? {} : { table: options.table }) });
  checkMemory(opened.table.sheet.source, opened.table.sheet.rows.length, bytes ?? 0);
  return opened;
}

async function prepareFromFile(file: string, options: TableOptions, io: Io, sealingKey?: string): Promise<{ prepared: PreparedDraw } & TableFile> {
  const referenceDate = options.date ?? io.today();
  referenceDateOf(referenceDate);
  checkReferenceDateAhead(referenceDate, io.today());
  const columns = options.columns === undefined ? {} : parseColumnMapping(options.columns);
  const { table, workbook } = await readTableFor(file, options);
  const prepared = prepareDraw(table.sheet, {
    referenceDate,
    excludeInvalid: options.excludeInvalid === true,
    columns,
    bounds: table.bounds,
    ...(sealingKey === undefined ? {} : { sealingKey }),
  });
  return { prepared, table, workbook };
}

/** The file's size, or null when it cannot be known: reading it will then say why, in French. */
function fileSize(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

/** A JSON document written piece by piece, so a large table never exists as one string. */
function writePieces(io: Io, pieces: Iterable<string>): void {
  for (const piece of pieces) io.stdout(piece);
  io.stdout('\n');
}

/** Lines written a thousand at a time, each followed by a line break. */
function writeLines(io: Io, lines: readonly string[]): void {
  for (let start = 0; start < lines.length; start += 1_000) io.stdout(lines.slice(start, start + 1_000).join('\n') + '\n');
}

/** Commander's own errors, said in French. */
function commanderMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.missingArgument':
      return `Argument manquant : ${quoted ?? ''}. Exemple : tirage-cln draw candidatures.xlsx --seed "4 2 6 1".`;
    case 'commander.optionMissingArgument':
      return `L’option ${quoted ?? ''} attend une valeur.`;
    case 'commander.missingMandatoryOptionValue':
      return `Option obligatoire manquante : ${quoted ?? ''}.`;
    case 'commander.unknownOption':
      return `Option inconnue : ${quoted ?? error.message}. Voir tirage-cln --help.`;
    case 'commander.unknownCommand':
      return `Commande inconnue : ${quoted ?? error.message}. Commandes : draw, probabilities, verify, replace (voir tirage-cln --help).`;
    case 'commander.excessArguments':
      return `Trop d’arguments. Mettez entre guillemets un nom de fichier ou une graine qui contient des espaces.`;
    default:
      return error.message;
  }
}

/** Commander's help headings, in French. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options générales :',
};

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('tirage-cln')
    .description(
      'Tirage au sort public et vérifiable des membres habitants du Conseil local du numérique ' +
        '(algorithme tirage-cln/1 ; tirage-cln/2, scellé, avec --seal-key).',
    )
    .helpOption('-h, --help', 'afficher l’aide')
    .configureOutput({ writeOut: io.stdout, writeErr: () => undefined })
    .configureHelp({ styleTitle: (title: string) => HELP_TITLES[title] ?? title })
    .exitOverride()
    .showSuggestionAfterError(false);
  program.helpCommand('help [commande]', 'afficher l’aide d’une commande');

  const dateOption = () => new Option('--date <AAAA-MM-JJ>', 'date du tirage, qui fixe les âges (par défaut : aujourd’hui)');
  const sheetOption = () => new Option('--sheet <nom>', 'feuille du classeur .xlsx (par défaut : la première)');
  const tableOption = () => new Option('--table <nom>', 'tableau Excel du classeur .xlsx qui contient les candidatures (par défaut : toute la feuille)');
  const excludeOption = () =>
    new Option('--exclude-invalid', 'écarter les lignes irrecevables en les consignant, au lieu d’arrêter');
  const jsonOption = () => new Option('--json', 'sortie JSON (un objet sur la sortie standard)');
  const columnsOption = () =>
    new Option(
      '--columns <champ=en-tête;…>',
      'désigner des colonnes par leur en-tête, par exemple "Sexe=Vous êtes :;Secteur=Dans quel secteur habitez-vous ?" ' +
        '(champs : N°, Nom, Prénom, Sexe, Date de naissance, Âge, Secteur)',
    );

  const draw = program
    .command('draw')
    .description('tirer au sort à partir d’un tableau de candidatures (.xlsx ou .csv)')
    .argument('<fichier>', 'tableau des candidatures')
    .requiredOption('--seed <texte>', 'graine publique choisie en séance, après l’affichage de l’empreinte')
    .addOption(dateOption())
    .addOption(sheetOption())
    .addOption(tableOption())
    .addOption(excludeOption())
    .addOption(columnsOption())
    .addOption(jsonOption())
    .addOption(new Option('--fingerprint <empreinte>', 'empreinte annoncée en séance (espaces, tirets et majuscules ignorés) : refuser le tirage si le tableau ne la donne plus'))
    .addOption(
      new Option(
        '--seal-key <fichier>',
        'tirage scellé (tirage-cln/2) : le fichier de la clé de scellement dont l’empreinte a été annoncée, créé par « probabilities --seal-key » ; obligatoire s’il a servi',
      ),
    )
    .addOption(new Option('--out <registre.xlsx>', 'écrire le registre : le classeur d’origine et les feuilles Tirage, Synthèse, Procès-verbal, Données du tirage, Publication'))
    .addOption(
      new Option(
        '--public-out <registre-public.xlsx>',
        'tirage scellé : écrire aussi le registre public à publier (feuilles Registre public et Publication), sans donnée personnelle',
      ),
    )
    .addOption(new Option('--replace', 'remplacer le fichier --out ou --public-out s’il existe déjà (sinon, refus)'))
    .addOption(new Option('--place <texte>', 'lieu de la séance, pour le procès-verbal'))
    .addOption(new Option('--officials <noms>', 'élus et personnes présents, séparés par des points-virgules'))
    .addOption(new Option('--mandate-start <AAAA-MM-JJ>', 'début du mandat de 2 ans des membres (par défaut : la date du tirage)'))
    .action(async (file: string, options: TableOptions & Partial<RecordOptions> & { seed: string; fingerprint?: string; sealKey?: string; publicOut?: string; place?: string; officials?: string; mandateStart?: string }) => {
      refuseOptionAsSeed(options.seed, draw);
      // Checked before the file is read: a slip in what was typed is said at once.
      const checked = checkDrawRequest(
        {
          publicSeed: options.seed,
          referenceDate: options.date ?? io.today(),
          excludeInvalid: options.excludeInvalid === true,
          place: options.place,
          officials: options.officials,
          announcedFingerprint: options.fingerprint,
          mandateStart: options.mandateStart,
        },
        { today: io.today() },
      );
      const typed = requireDrawRequest(checked);
      if (options.publicOut !== undefined && options.sealKey === undefined) refuseUnsealedPublicRecord(PLAIN_ALGORITHM);
      const publicPath = options.publicOut === undefined ? undefined : publicOutputPath(options.publicOut, options.replace === true, options.out);
      const sealingKey = options.sealKey === undefined ? undefined : readSealingKey(options.sealKey);
      const request: DrawRequest = {
        ...typed,
        columns: options.columns === undefined ? {} : parseColumnMapping(options.columns),
        ...(sealingKey === undefined ? {} : { sealingKey }),
      };
      const opened = await readTableFor(file, options);
      const { result, sheets } =
        options.out === undefined
          ? { result: drawRequested(opened.table, request), sheets: null }
          : await drawAndRecord({ ...opened, path: file }, request, { out: options.out, replace: options.replace });
      const publicSheets =
        publicPath === undefined ? null : await writePublicWorkbook(buildPublicRecord(result, { place: request.place, mandateStart: request.mandateStart }), publicPath);
      if (options.json) {
        writePieces(io, drawJsonPieces(result));
      } else {
        writeLines(io, formatDraw(result, opened.table.sheet.source));
        if (sheets) io.stdout(`\nRegistre écrit : ${options.out} (feuilles ajoutées : ${sheets.join(', ')})\n`);
        if (publicSheets) io.stdout(`${sheets ? '' : '\n'}Registre public écrit : ${options.publicOut} (feuilles : ${publicSheets.join(', ')}) — à publier\n`);
      }
      setExit(EXIT_OK);
    });

  program
    .command('probabilities')
    .description('chances de chaque candidature d’être retenue, avant le choix de la graine')
    .argument('<fichier>', 'tableau des candidatures')
    .addOption(dateOption())
    .addOption(sheetOption())
    .addOption(tableOption())
    .addOption(excludeOption())
    .addOption(columnsOption())
    .addOption(jsonOption())
    .addOption(
      new Option(
        '--seal-key <fichier>',
        'tirage scellé (tirage-cln/2) : fichier de la clé de scellement, créé s’il n’existe pas (lisible par vous seul·e), repris s’il existe ; ' +
          'à garder secret jusqu’au tirage, « draw --seal-key » en aura besoin',
      ),
    )
    .addOption(
      new Option(
        '--public-out <table-scellee.xlsx>',
        'avec --seal-key : écrire la table scellée à publier avec l’empreinte avant le tirage (chaque candidat·e y vérifie sa ligne avec son reçu)',
      ),
    )
    .addOption(new Option('--replace', 'remplacer le fichier --public-out s’il existe déjà (sinon, refus)'))
    .action(async (file: string, options: TableOptions & { sealKey?: string; publicOut?: string; replace?: boolean }) => {
      if (options.publicOut !== undefined && options.sealKey === undefined) refuseUnsealedPublicRecord(PLAIN_ALGORITHM);
      const publicPath = options.publicOut === undefined ? undefined : publicOutputPath(options.publicOut, options.replace === true);
      const sealing = options.sealKey === undefined ? null : existingOrNewSealingKey(options.sealKey);
      const { prepared, table } = await prepareFromFile(file, options, io, sealing?.key);
      // The key is written once the table has given a fingerprint, and before that fingerprint is shown.
      if (options.sealKey !== undefined && sealing?.isNew) {
        saveNewSealingKey(options.sealKey, sealing.key);
        io.stderr(
          `Clé de scellement créée : « ${options.sealKey} » (lisible par vous seul·e). Gardez-la secrète et intacte jusqu’au tirage : ` +
            `l’empreinte annoncée en dépend, et « tirage-cln draw … --seal-key ${options.sealKey} » en aura besoin.\n`,
        );
      }
      // Written once the key is kept: a table published from a key that was then lost could never be drawn.
      const publicSheets = publicPath === undefined ? null : await writePublicWorkbook(buildSealedTableWorkbook(prepared), publicPath);
      if (options.json) writePieces(io, probabilitiesJsonPieces(prepared));
      else {
        writeLines(io, formatProbabilities(prepared, table.sheet.source));
        if (publicSheets) io.stdout(`\nTable scellée écrite : ${options.publicOut} (feuille : ${publicSheets.join(', ')}) — à publier avec l’empreinte, avant le tirage\n`);
      }
      setExit(EXIT_OK);
    });

  program
    .command('replace')
    .description('consigner le départ d’un membre pendant le mandat et son remplacement par la liste complémentaire')
    .argument('<registre>', 'le classeur .xlsx du registre (jamais modifié)')
    .requiredOption('--row <ligne>', 'ligne d’origine du membre qui part (colonne « Ligne » de la feuille Tirage)')
    .requiredOption('--date <AAAA-MM-JJ>', 'date du départ')
    .requiredOption('--reason <texte>', 'motif, par exemple « Démission »')
    .requiredOption('--out <nouveau.xlsx>', 'copie du registre avec la feuille Remplacement ajoutée')
    .addOption(new Option('--choose <ligne>', 'personne choisie, quand la liste du même secteur et du même sexe est épuisée'))
    .addOption(
      new Option('--public-out <registre-public.xlsx>', 'tirage scellé : écrire aussi le registre public à jour, qui liste chaque remplacement avec son empreinte'),
    )
    .addOption(jsonOption())
    .action(async (file: string, options: ReplaceOptions) => {
      const recorded = await replaceMember(file, options, io.today());
      io.stdout(options.json ? JSON.stringify(replacementJson(recorded)) + '\n' : formatReplacement(recorded, options.out, options.publicOut));
      setExit(EXIT_OK);
    });

  program
    .command('verify')
    .description('vérifier un registre, ou un registre public (tirage-cln/2) : recalculer le tirage et comparer chaque chiffre, nom et statut')
    .argument('<registre>', 'le classeur .xlsx du registre, ou du registre public')
    .addOption(new Option('--fingerprint <empreinte>', 'empreinte annoncée en séance, à comparer à celle du registre'))
    .addOption(
      new Option(
        '--replacement-fingerprint <empreinte>',
        'empreinte publiée avec l’avis du dernier remplacement : le dernier remplacement consigné doit l’avoir (un motif, une date modifiés ou un remplacement supprimé se voient)',
      ),
    )
    .addOption(new Option('--seed <graine>', 'graine annoncée en séance, à comparer à celle du registre (lue comme le tirage la lit)'))
    .addOption(new Option('--receipt <reçu>', 'reçu d’une candidature (tirage-cln/2) : afficher sa ligne (sceau, secteur, sexe, priorité, statut) ; absent du tirage : code 3'))
    .addOption(
      new Option(
        '--public <registre-public.xlsx>',
        'registre public publié, à comparer au registre complet (vérification de l’auditeur : chaque sceau recalculé avec la clé du registre)',
      ),
    )
    .action(async (file: string, options: { fingerprint?: string; seed?: string; replacementFingerprint?: string; receipt?: string; public?: string }) => {
      const outcome = await verifyFile(file, {
        ...(options.fingerprint === undefined ? {} : { fingerprint: options.fingerprint }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.replacementFingerprint === undefined ? {} : { replacementFingerprint: options.replacementFingerprint }),
        ...(options.receipt === undefined ? {} : { receipt: options.receipt }),
        ...(options.public === undefined ? {} : { publicRecord: options.public }),
      });
      io.stdout(outcome.text);
      setExit(outcome.conforming ? EXIT_OK : EXIT_NOT_CONFORMING);
    });
  return program;
}

/**
 * `draw t.csv --seed --json`: commander takes « --json » for the seed, and the draw would be made
 * with it. A seed spelled like one of the command's own options is an option typed where the seed
 * was forgotten.
 */
function refuseOptionAsSeed(seed: string, command: Command): void {
  const flags = command.options.flatMap((option) => [option.long, option.short]).filter((flag): flag is string => flag !== undefined);
  const typed = seed.trim().split('=')[0];
  if (!flags.includes(typed) && typed !== '-h' && typed !== '--help') return;
  throw new InputError({ code: 'empty_seed', reason: 'option', seed });
}

/**
 * Text from candidatures reaches the terminal (names, the values of ineligible cells): a stray
 * control character must not drive it (clear the screen, move the cursor). Line breaks and tabs stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], terminal: Io = nodeIo): Promise<number> {
  const io: Io = { ...terminal, stdout: (t) => terminal.stdout(terminalSafe(t)), stderr: (t) => terminal.stderr(terminalSafe(t)) };
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT_INPUT;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof InputError) {
      const remedy = cliRemedy(error.problem, error.details.field);
      const message = remedy?.sameLine ? `${error.message} ${remedy.text}` : error.message;
      const listed = error.lines.length > 1 || error.lines[0] !== error.message;
      for (const line of listed ? [...error.lines, message] : [message]) io.stderr(`${line}\n`);
      if (remedy !== null && !remedy.sameLine) io.stderr(`${remedy.text}\n`);
      // An edited record is reported as verify reports it.
      return error.code === 'record_not_conforming' ? EXIT_NOT_CONFORMING : EXIT_INPUT;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT_OK;
      if (error.code === 'commander.help') return EXIT_OK;
      io.stderr(`${commanderMessage(error)}\n`);
      return EXIT_INPUT;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`Erreur inattendue : le tirage n’a pas été fait. Signalez ce message à l’équipe technique.\n${detail}\n`);
    return EXIT_UNEXPECTED;
  }
}

export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2));
}
