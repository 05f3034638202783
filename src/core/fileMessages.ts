/**
 * The French of the problems only a front end that reads and writes files raises (the CLI, the
 * verifier page): files, packages, paths, the sealing key's file, the simulator's options. Apart
 * from messages.ts so that the task pane, which reads no file, does not carry these sentences in
 * its bundle (its 250 KB budget); `fileError` makes the InputError with its words.
 */
import { InputError } from './errors';
import { describeRecordDamage } from './messages';
import { describePublicRegisterDamage } from './publicMessages';
import type { FileFault, FileProblem, PackageFault } from './problems';

const SAVE_AS_XLSX = 'Ouvrez-le dans Excel et enregistrez-le à nouveau au format « Classeur Excel (*.xlsx) »';

const PACKAGE_REMEDY = {
  table: `${SAVE_AS_XLSX}, ou enregistrez le tableau au format CSV.`,
  record: 'Vérifiez que c’est bien le registre publié, et reprenez-en une copie complète (depuis l’archive ou le site de publication).',
} as const;


const SAVE_AS = 'Ouvrez-le dans Excel, puis Fichier > Enregistrer sous, au format « Classeur Excel (*.xlsx) » ou « CSV (séparateur : point-virgule) (*.csv) », et recommencez avec ce nouveau fichier.';


export function fileError(problem: FileProblem): InputError {
  return new InputError(problem, { words: describeFileProblem(problem) });
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} Mo`;
}

function packageMessage(source: string, purpose: 'table' | 'record', fault: PackageFault): string {
  const name = `« ${source} »`;
  switch (fault.kind) {
    case 'not_zip':
      if (fault.compound) {
        return (
          `Le fichier ${name} n’est pas un classeur .xlsx ordinaire : soit il est protégé par un mot de passe ` +
          'à l’ouverture, soit c’est un ancien classeur .xls renommé. Ouvrez-le dans Excel, retirez le mot de passe ' +
          's’il y en a un (Fichier > Informations > Protéger le classeur), puis enregistrez-le au format « Classeur Excel (*.xlsx) ».'
        );
      }
      return purpose === 'table'
        ? `Le fichier ${name} n’est pas un classeur Excel lisible : il est endommagé, ou c’est un autre type de fichier renommé en .xlsx. ${PACKAGE_REMEDY.table}`
        : `Le fichier ${name} n’est pas un classeur Excel (.xlsx) : un registre de tirage est un classeur Excel. ${PACKAGE_REMEDY.record}`;
    case 'beyond_grid': {
      // Not damage: a program other than Excel wrote past its grid.
      const where = `${fault.sheet ? `dans la feuille « ${fault.sheet} », ` : ''}${fault.where}`;
      return (
        `Le classeur ${name} a une cellule au-delà des limites d’une feuille Excel (${where} ; Excel s’arrête à la ligne 1 048 576 et à la colonne XFD) : ` +
        'il a été écrit par un autre programme qu’Excel, qui ne l’ouvrirait pas en entier. ' +
        (purpose === 'table'
          ? 'Faites écrire le tableau dans les limites d’Excel (ou enregistrez-le en CSV), puis recommencez.'
          : 'Un registre écrit par cet outil reste dans ces limites : ce fichier a été modifié ou n’est pas le registre publié.')
      );
    }
    case 'corrupt':
      return (
        `Le classeur ${name} est endommagé ou incomplet${fault.part ? ` (partie « ${fault.part} »)` : ''} : une copie ou un ` +
        `téléchargement interrompu, par exemple. ${PACKAGE_REMEDY[purpose]}`
      );
    case 'encrypted':
      return `Le fichier ${name} est une archive chiffrée, qu’Excel n’ouvre pas comme un classeur. ${PACKAGE_REMEDY[purpose]}`;
    case 'not_workbook':
      return `Le fichier ${name} n’est pas un classeur Excel : c’est une autre sorte de document (Word, PowerPoint, archive…) renommé en .xlsx. ${PACKAGE_REMEDY[purpose]}`;
    case 'part_too_large':
    case 'package_too_large': {
      const what =
        fault.kind === 'part_too_large'
          ? `sa partie « ${fault.part} » dépasse ${megabytes(fault.limit)} une fois décompressée (limite par partie)`
          : `son contenu dépasse ${megabytes(fault.limit)} une fois décompressé (limite pour l’ensemble du classeur)`;
      const remedy =
        purpose === 'table'
          ? 'Un tableau de candidatures, même d’un million de lignes, tient dans cette limite : retirez les images ou objets volumineux du classeur, ou copiez le tableau seul dans un nouveau classeur (ou enregistrez-le en CSV), puis recommencez.'
          : 'Un registre écrit par cet outil tient dans cette limite : ce fichier a été modifié ou n’est pas le registre publié.';
      return `Le classeur ${name} est refusé : ${what}. ${remedy}`;
    }
  }
}

function unsupportedExtension(name: string, extension: string): string {
  switch (extension) {
    case '.xls':
    case '.xlsb':
      return `Le fichier « ${name} » est dans un ancien format d’Excel (${extension}) que cet outil ne lit pas. ${SAVE_AS}`;
    case '.ods':
      return (
        `Le fichier « ${name} » est au format OpenDocument (.ods) que cet outil ne lit pas. Ouvrez-le dans LibreOffice ` +
        'Calc ou Excel et enregistrez-le au format .xlsx (« Excel 2007-365 ») ou .csv, puis recommencez avec ce nouveau fichier.'
      );
    default: {
      const what = extension === '' ? 'n’a pas d’extension' : `a l’extension « ${extension} »`;
      return `Le fichier « ${name} » ${what} : cet outil lit les tableaux .xlsx, .xlsm, .csv et .txt. Depuis Excel, enregistrez le tableau des candidatures au format .xlsx ou .csv.`;
    }
  }
}

/** « accès refusé », « c’est un dossier », or the system's own code. */
function fileFaultWords(fault: FileFault | 'appeared' | 'no_folder'): string {
  if (typeof fault === 'object') return fault.code;
  switch (fault) {
    case 'directory':
      return 'c’est un dossier';
    case 'access_denied':
      return 'accès refusé';
    case 'disk_full':
      return 'le disque est plein';
    case 'appeared':
      return 'un fichier de ce nom vient d’apparaître';
    case 'no_folder':
      return 'son dossier n’existe pas';
  }
}

export function describeFileProblem(problem: FileProblem): string {
  switch (problem.code) {
    case 'file_not_found':
      return problem.reason === 'input'
        ? `Fichier introuvable : « ${problem.path} ». Vérifiez le chemin et le nom du fichier, extension comprise (.xlsx ou .csv).`
        : `Le dossier du registre « ${problem.folder} » n’existe pas. Créez-le ou indiquez un autre chemin.`;
    case 'file_unreadable':
      switch (problem.reason) {
        case 'os':
          if (problem.fault === 'directory') return `« ${problem.path} » est un dossier, pas un fichier. Indiquez le fichier du tableau des candidatures (.xlsx ou .csv).`;
          if (problem.fault === 'access_denied') {
            return `Le fichier « ${problem.path} » ne peut pas être lu : accès refusé. Vérifiez vos droits sur ce fichier, ou copiez-le dans un dossier à vous.`;
          }
          return (
            `Le fichier « ${problem.path} » ne peut pas être lu (${fileFaultWords(problem.fault)}). ` +
            'Vérifiez qu’il n’est pas en cours de copie ou sur un lecteur déconnecté, puis recommencez.'
          );
        case 'package':
          return packageMessage(problem.source, problem.purpose, problem.fault);
        case 'no_worksheet':
          return `Le fichier « ${problem.source} » ne contient aucune feuille de calcul lisible. ${SAVE_AS_XLSX}.`;
        case 'strict_ooxml':
          return (
            `Le classeur « ${problem.source} » est enregistré au format « Feuille de calcul Open XML Strict », que cet outil lit mais ne complète pas. ${SAVE_AS_XLSX}.`
          );
        case 'not_ordinary_workbook':
          return `Le fichier « ${problem.source} » n’est pas un classeur Excel ordinaire. ${SAVE_AS_XLSX}.`;
        case 'malformed_csv': {
          const where = problem.line === null ? '' : ` à la ligne ${problem.line}`;
          const what =
            problem.fault === 'missing_quotes'
              ? 'un guillemet (") ouvre un champ qui n’est jamais refermé'
              : 'un champ entre guillemets (") est suivi d’autres caractères avant le séparateur';
          return (
            `Le fichier « ${problem.source} » est mal formé${where} : ${what}. ` +
            'Corrigez cette ligne (dans Excel ou un éditeur de texte), enregistrez le fichier à nouveau, puis recommencez.'
          );
        }
        case 'not_a_record':
          return `« ${problem.source} » n’est pas un registre de tirage lisible : ${describeRecordDamage(problem.damage)}.`;
        case 'not_a_public_record':
          return `« ${problem.source} » n’est pas un registre public lisible : ${describePublicRegisterDamage(problem.damage)}.`;
        case 'seal_key_file':
          return `Le fichier de la clé de scellement « ${problem.path} » ne peut pas être lu (${fileFaultWords(problem.fault)}).`;
      }
      break;
    case 'file_too_large':
      if (problem.reason === 'package') return packageMessage(problem.source, problem.purpose, problem.fault);
      return (
        `Le fichier « ${problem.source} » est refusé : il pèse ${Math.ceil(problem.bytes / (1024 * 1024))} Mo, au-delà de la limite de ` +
        `${problem.limit / (1024 * 1024)} Mo. Un classeur de candidatures, même d’un million de lignes, pèse bien moins : ` +
        'vérifiez que c’est le bon fichier, ou retirez-en les images et objets volumineux.'
      );
    case 'unsupported_format':
      switch (problem.reason) {
        case 'extension':
          return unsupportedExtension(problem.source, problem.extension);
        case 'sheet_of_csv':
          return `Le choix d’une feuille (« ${problem.sheet} ») ne vaut que pour un classeur Excel (.xlsx) : « ${problem.source} » est un fichier texte (CSV), qui n’a qu’une feuille.`;
        case 'table_of_csv':
          return `Le choix d’un tableau (« ${problem.table} ») ne vaut que pour un classeur Excel (.xlsx) : « ${problem.source} » est un fichier texte (CSV), qui n’a pas de tableau Excel.`;
        case 'sheet_and_table':
          return `La feuille « ${problem.sheet} » et le tableau « ${problem.table} » ne se choisissent pas ensemble : un tableau Excel désigne déjà sa feuille.`;
        case 'text_not_record':
          return (
            `« ${problem.source} » est un fichier texte (CSV), pas un registre : le registre à vérifier est le classeur .xlsx ` +
            'écrit lors du tirage, tel qu’il a été publié ou archivé.'
          );
        case 'record_not_xlsx':
          return `Le registre « ${problem.name} » doit être un classeur .xlsx : indiquez un nom de fichier qui se termine par .xlsx.`;
        case 'public_given_first':
          return (
            `« ${problem.source} » est un registre public : la comparaison porte sur un registre public et le registre complet de la Ville. ` +
            'Indiquez d’abord le registre complet, puis ce registre public.'
          );
      }
      break;
    case 'output_is_input':
      if ('reason' in problem) return `Le registre public ne peut pas être écrit dans « ${problem.name} », le fichier du registre complet.`;
      return `Le registre ne peut pas être écrit dans « ${problem.name} » : c’est le classeur des candidatures lui-même, qui ne doit jamais être modifié.`;
    case 'output_exists':
      switch (problem.reason) {
        case 'record':
          return `Le fichier « ${problem.name} » existe déjà : le registre n’a pas été écrit.`;
        case 'public_record':
          return `Le fichier « ${problem.name} » existe déjà : le registre public n’a pas été écrit.`;
        case 'replacement':
          return `Le fichier « ${problem.name} » existe déjà : rien n’a été écrit.`;
      }
      break;
    case 'file_unwritable':
      switch (problem.reason) {
        case 'record':
          if (problem.fault === 'access_denied') {
            return (
              `Le registre « ${problem.name} » ne peut pas être écrit : accès refusé. S’il est ouvert dans Excel, fermez-le ; ` +
              'sinon vérifiez vos droits sur ce dossier, ou indiquez un autre dossier.'
            );
          }
          if (problem.fault === 'directory') return `« ${problem.name} » est un dossier : indiquez un nom de fichier .xlsx pour le registre.`;
          if (problem.fault === 'disk_full') return `Le registre « ${problem.name} » ne peut pas être écrit : le disque est plein.`;
          return `Le registre « ${problem.name} » ne peut pas être écrit (${fileFaultWords(problem.fault)}).`;
        case 'public_record_folder':
          return `Le dossier du registre public « ${problem.folder} » ne peut pas être créé (${problem.fault}).`;
        case 'record_folder':
          return `Le dossier du registre « ${problem.folder} » ne peut pas être créé (${problem.fault}) : un fichier porte peut-être déjà ce nom, ou les droits manquent.`;
        case 'seal_key':
          return `La clé de scellement ne peut pas être écrite dans « ${problem.path} » (${fileFaultWords(problem.fault)}) : aucune empreinte n’est affichée.`;
      }
      break;
    case 'sheet_exists':
      return (
        `Le classeur « ${problem.source} » a déjà une feuille nommée « ${problem.sheet} » : le registre du tirage ne remplace jamais une feuille existante. ` +
        'Rien n’a été écrit. Renommez ou supprimez cette feuille dans une copie du classeur, ou recommencez le tirage pour qu’il choisisse d’autres noms.'
      );
    case 'bad_fault':
      return problem.reason === 'sync_timeout'
        ? `Délai d’attente d’Excel « ${problem.text} » : indiquez un nombre de secondes, par exemple 5.`
        : `Panne simulée inconnue « ${problem.text} ». Pannes possibles : cell-edit@N (une cellule en cours de saisie à partir de l’aller-retour N), ` +
            'hang@N (Excel ne répond plus à partir de l’aller-retour N), lost@N (connexion perdue à l’aller-retour N), defined-name:<Nom> (un nom défini dans le classeur).';
    case 'seal_key_missing':
      return (
        `Clé de scellement introuvable : « ${problem.path} ». Le tirage scellé (tirage-cln/2) se fait avec la clé dont l’empreinte a été annoncée en séance : ` +
        'indiquez ce fichier-là. Une nouvelle clé donnerait une autre empreinte.'
      );
  }
}
