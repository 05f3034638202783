/**
 * The French texts of the pane's start-up views, in one place. Each says what is wrong and what
 * to do.
 */
import { REQUIRED_EXCEL_API } from './officeEnvironment';
import type { PaneView } from './paneView';

export interface PaneMessage {
  title: string;
  /** Paragraphs, in order. */
  body: string[];
  /** `alert` for a view that blocks the draw, `status` otherwise (what screen readers announce). */
  role: 'alert' | 'status';
}

const OPEN_FROM_EXCEL = 'Ouvrez le classeur des candidatures dans Excel, puis onglet Accueil, bouton « Tirage au sort ».';

export function paneMessage(view: PaneView): PaneMessage {
  switch (view.kind) {
    case 'office-unavailable':
      return {
        title: 'Office.js n’a pas pu être chargé',
        body: [
          'Ce volet a besoin de la bibliothèque Office.js, que Microsoft publie en ligne ; elle n’a pas pu être téléchargée.',
          `Vérifiez la connexion à Internet, puis rouvrez le volet. ${OPEN_FROM_EXCEL}`,
        ],
        role: 'alert',
      };
    case 'outside-office':
      return {
        title: 'Ce volet s’ouvre depuis Excel',
        body: ['Cette page est le volet du complément « Tirage au sort CLN » : elle ne fonctionne que dans Excel.', OPEN_FROM_EXCEL],
        role: 'alert',
      };
    case 'other-host':
      return {
        title: 'Ce complément fonctionne seulement dans Excel',
        body: [`Il a été ouvert dans ${view.host}. ${OPEN_FROM_EXCEL}`],
        role: 'alert',
      };
    case 'excel-too-old':
      return {
        title: 'Cette version d’Excel est trop ancienne',
        body: [
          `Le tirage au sort a besoin des fonctions ExcelApi ${REQUIRED_EXCEL_API} (protection des feuilles, mise en page, volets figés), absentes de cette version d’Excel.`,
          'Utilisez Excel pour Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web, puis rouvrez le classeur.',
        ],
        role: 'alert',
      };
    case 'ready':
      return {
        title: 'Excel est prêt',
        body: ['Le classeur ouvert peut accueillir le tirage au sort.'],
        role: 'status',
      };
  }
}
