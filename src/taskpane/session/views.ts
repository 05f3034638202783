/**
 * What each step of the session shows, drawn from its state: headings, fields, tables, buttons.
 * Every text goes through text nodes (dom.ts). The views decide nothing: each control sends one
 * event (state.ts) to the controller, and what is typed is sent as it is typed.
 */
import { FIELD_LABELS, type ColumnMapping, type Field } from '../../core/columns';
import type { PreparedDraw } from '../../core/draw';
import { allDifferences } from '../../core/record/verify';
import { describeDifference } from '../../core/messages';
import { describeFormulaWithoutValue } from '../../excel/problems';
import { h, type Child } from '../dom';
import { PACES, type PaceName } from './pacer';
import { progressText } from './progress';
import {
  chanceLines,
  type SectorPeople,
  countsBySectorAndSex,
  differenceTarget,
  headcount,
  peopleBySector,
  membersNow,
  problemLines,
  recognisedColumns,
  seatLines,
  sourceDetail,
  sourceLabel,
} from './sessionModel';
import {
  STEP_TITLES,
  SESSION_STEPS,
  type CheckStep,
  type ExistingStep,
  type FieldId,
  type FingerprintStep,
  type MinutesStep,
  type MissingColumns,
  type PaneEvent,
  type PaneState,
  type ReplacedStep,
  type ReplaceStep,
  type RevealStep,
  type SeedStep,
  type TableStep,
} from './state';
import { isLaterDraw, publicRecordOffered, stepNumber } from './transition';
import { displayName, longFrenchDate } from '../../core/record/labels';
import { explainDraw } from '../../core/explain';
import type { WorkbookCheck } from '../../core/record/verify';
import { mandatePeriod, mandateText } from '../../core/mandate';
import { personLabel, RULE_LABELS, type Proposal } from '../../core/replacement';
import type { CandidateOutcome } from '../../core/draw';
import { currentMembers, membersBySector, proposalFor, proposalSentence, REPLACE_FIELD_IDS } from './replaceForm';

const SEX_WORDS = { F: 'femme', H: 'homme' } as const;

export class StepViews {
  /** The state being drawn (set by `render`). */
  private state!: PaneState;

  constructor(
    private readonly document: Document,
    private readonly send: (event: PaneEvent) => void,
  ) {}

  render(state: PaneState): HTMLElement[] {
    this.state = state;
    return [...this.stepper(), this.body()];
  }

  readonly el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Parameters<typeof h>[2] = {}, ...children: Child[]) => h(this.document, tag, props, ...children);

  button(id: string, label: string, event: PaneEvent | (() => PaneEvent | null), options: { primary?: boolean; disabled?: boolean; describedBy?: string } = {}): HTMLButtonElement {
    return this.el(
      'button',
      {
        id,
        className: options.primary ? 'button button--primary' : 'button',
        // Busy: announced as unavailable but kept focusable, so the keyboard never loses its place.
        attrs: { type: 'button', disabled: options.disabled === true, 'aria-disabled': this.state.busy !== null ? 'true' : null, 'aria-describedby': options.describedBy },
        on: {
          click: () => {
            if (this.state.busy !== null) return;
            const sent = typeof event === 'function' ? event() : event;
            if (sent !== null) this.send(sent);
          },
        },
      },
      label,
    );
  }

  stepper(): HTMLElement[] {
    const current = stepNumber(this.state.view);
    if (current === null) return [];
    const items = SESSION_STEPS.map((name, i) => {
      const n = i + 1;
      return this.el(
        'li',
        { className: `stepper__item${n === current ? ' stepper__item--current' : n < current ? ' stepper__item--done' : ''}`, attrs: { 'aria-current': n === current ? 'step' : null } },
        this.el('span', { className: 'stepper__number', attrs: { 'aria-hidden': 'true' } }, String(n)),
        this.el('span', { className: 'stepper__label' }, STEP_TITLES[name]),
        n < current ? this.el('span', { className: 'visually-hidden' }, ' (terminée)') : null,
      );
    });
    return [this.el('nav', { attrs: { 'aria-label': 'Étapes de la séance' } }, this.el('ol', { className: 'stepper' }, ...items))];
  }

  heading(text: string): HTMLElement {
    const n = stepNumber(this.state.view);
    const prefix = n !== null ? `Étape ${n} sur 6 — ` : '';
    return this.el('h2', { id: 'step-title', className: 'step__title', attrs: { tabindex: '-1' } }, `${prefix}${text}`);
  }

  body(): HTMLElement {
    const view = this.state.view;
    const [heading, ...rest] = this.content();
    // The messages always have their place under the heading, so that the fields below never move
    // in the page (a moved element loses the focus, and the operator their place).
    const messages = this.el(
      'div',
      { id: 'step-messages' },
      this.state.busy !== null ? this.el('p', { className: 'step__busy' }, this.state.busy) : null,
      this.state.notice !== null ? this.el('p', { id: 'session-notice', className: 'pane-message pane-message--info' }, this.state.notice) : null,
      this.failureView(),
    );
    return this.el('section', { className: 'step', attrs: { 'aria-labelledby': 'step-title', 'data-step': String(stepNumber(view) ?? view.step) } }, heading, messages, ...rest);
  }

  private content(): Child[] {
    const view = this.state.view;
    switch (view.step) {
      case 'opening':
        return [this.el('h2', { id: 'step-title', className: 'step__title', attrs: { tabindex: '-1' } }, 'Lecture du classeur')];
      case 'existing':
        return this.existingView(view);
      case 'table':
        return this.step1(view);
      case 'check':
        return this.step2(view);
      case 'fingerprint':
        return this.step3(view);
      case 'seed':
        return this.step4(view);
      case 'reveal':
        return this.step5(view);
      case 'minutes':
        return this.step6(view);
      case 'replace':
        return this.replaceView(view);
      case 'replaced':
        return this.replacedView(view);
    }
  }

  failureView(): HTMLElement | null {
    const failure = this.state.failure;
    if (failure === null) return null;
    return this.el(
      'div',
      { id: 'session-failure', className: 'pane-message pane-message--warning', attrs: { role: 'alert', tabindex: '-1', 'data-code': failure.code } },
      this.el('h3', {}, failure.title),
      ...failure.lines.map((line) => this.el('p', {}, line)),
      this.el('p', { className: 'remedy' }, failure.remedy),
      failure.code === 'fingerprint_mismatch' ? this.button('show-new-fingerprint', 'Afficher la nouvelle empreinte', { type: 'showFingerprint' }, { primary: true }) : null,
      // After a sync that never answered, Excel answers nothing more (office-js #6678): no « Réessayer ».
      failure.code === 'connection_lost' || failure.code === 'excel_error' || failure.code === 'general_exception' || failure.code === 'cell_edit'
        ? this.button('retry', 'Réessayer', { type: 'retry' }, { disabled: failure.retry === null })
        : null,
    );
  }

  existingView(view: ExistingStep): Child[] {
    const n = view.workbook.records.length;
    return [
      this.heading('Ce classeur contient déjà un tirage'),
      this.el(
        'p',
        {},
        n === 1
          ? `Un registre de tirage est déjà enregistré dans ce classeur (feuille « ${view.workbook.records[0]} »). Vérifiez-le d’abord : la vérification refait le tirage à partir de ses données et compare chaque cellule.`
          : `${n} registres de tirage sont déjà enregistrés dans ce classeur. Vérifiez-les d’abord : la vérification refait chaque tirage et compare chaque cellule.`,
      ),
      this.el(
        'p',
        {},
        'Un nouveau tirage dans ce classeur n’efface rien : il s’ajoute dans de nouvelles feuilles, son motif est demandé et inscrit au journal des tirages et au procès-verbal.',
      ),
      this.el(
        'div',
        { className: 'actions' },
        this.button('verify-existing', 'Vérifier le registre', { type: 'verifyExisting' }, { primary: true }),
        this.button('prepare-new', 'Préparer un nouveau tirage', { type: 'prepareNew' }),
      ),
    ];
  }

  step1(view: TableStep): Child[] {
    const { choices } = view.workbook;
    const table = view.table;
    const children: Child[] = [this.heading(STEP_TITLES.table)];
    if (choices.length === 0) {
      children.push(
        this.el('p', { className: 'pane-message pane-message--warning', attrs: { role: 'alert' } }, 'Aucun tableau ni aucune feuille de candidatures dans ce classeur. Ouvrez le classeur qui contient le tableau des candidatures, puis cliquez sur « Relire le tableau ».'),
      );
    }
    const select = this.el(
      'select',
      {
        id: 'source',
        attrs: { 'aria-describedby': 'source-help' },
        on: { change: (e) => this.send({ type: 'chooseSource', index: Number((e.target as HTMLSelectElement).value) }) },
      },
      ...choices.map((c, i) => this.el('option', { attrs: { value: String(i), selected: i === view.setup.choice } }, sourceLabel(c))),
    );
    children.push(
      this.el(
        'div',
        { className: 'field' },
        this.el('label', { attrs: { for: 'source' } }, 'Tableau des candidatures'),
        select,
        this.el(
          'p',
          { id: 'source-help', className: 'field__help' },
          choices[view.setup.choice] === undefined ? 'Les tableaux Excel du classeur, puis chaque feuille entière.' : sourceDetail(choices[view.setup.choice]),
        ),
      ),
      this.dateField(view),
      this.el('div', { className: 'actions' }, this.button('read-table', 'Relire le tableau', { type: 'readAgain' }, { disabled: choices.length === 0 })),
    );
    if (table.kind === 'columns') children.push(this.columnsForm(table.missing));
    if (table.kind === 'ready') {
      const columns = recognisedColumns(table.read, view.setup.columnMapping);
      children.push(
        this.el('h3', {}, 'Colonnes reconnues'),
        this.el('ul', { className: 'plain-list', attrs: { id: 'columns' } }, ...columns.map((c) => this.el('li', {}, `${c.field} : colonne ${c.column} (« ${c.header} »)`))),
        this.countsTable(table.prepared),
        ...table.read.formulasWithoutValue.map((f) => this.el('p', { className: 'pane-message pane-message--warning' }, describeFormulaWithoutValue(f))),
        this.el('div', { className: 'actions' }, this.button('to-step-2', 'Continuer : vérification', { type: 'toCheck' }, { primary: true })),
      );
    }
    return children;
  }

  dateField(view: TableStep): HTMLElement {
    const error = view.errors['reference-date'];
    const date = this.el('input', {
      id: 'reference-date',
      attrs: {
        type: 'date',
        required: true,
        'aria-describedby': error ? 'reference-date-help reference-date-error' : 'reference-date-help',
        'aria-invalid': error ? 'true' : null,
      },
      on: { change: (e) => this.send({ type: 'setDate', value: (e.target as HTMLInputElement).value }) },
    });
    date.value = view.setup.referenceDate;
    return this.el(
      'div',
      { className: 'field' },
      this.el('label', { attrs: { for: 'reference-date' } }, 'Date du tirage'),
      date,
      this.el('p', { id: 'reference-date-help', className: 'field__help' }, 'Le jour de la séance publique : l’âge de chaque candidature est compté à cette date, et elle entre dans l’empreinte.'),
      error ? this.el('p', { id: 'reference-date-error', className: 'field__error' }, error) : null,
    );
  }

  columnsForm(missing: MissingColumns): HTMLElement {
    const fields = formFields(missing.fields);
    const chosen = (): PaneEvent => {
      const mapping: ColumnMapping = {};
      for (const field of fields) {
        const select = this.document.getElementById(`column-${field}`) as HTMLSelectElement | null;
        const header = select === null || select.value === '' ? undefined : missing.headers[Number(select.value)]?.text;
        if (header !== undefined) mapping[field] = header;
      }
      return { type: 'useColumns', mapping };
    };
    return this.el(
      'fieldset',
      { id: 'columns-form', className: 'columns-form' },
      this.el('legend', {}, 'Indiquer les colonnes non reconnues'),
      this.el('p', {}, 'Choisissez, pour chaque donnée, la colonne du tableau qui la contient. Le registre consigne ce choix.'),
      ...fields.map((field) =>
        this.el(
          'div',
          { className: 'field' },
          this.el('label', { attrs: { for: `column-${field}` } }, field === 'age' ? 'ou Âge (si le tableau donne l’âge plutôt que la date de naissance)' : FIELD_LABELS[field]),
          this.el(
            'select',
            { id: `column-${field}` },
            this.el('option', { attrs: { value: '' } }, '— choisir une colonne —'),
            ...missing.headers.map((header, i) => this.el('option', { attrs: { value: String(i) } }, `« ${header.text} » (${header.cell})`)),
          ),
        ),
      ),
      this.el('div', { className: 'actions' }, this.button('use-columns', 'Utiliser ces colonnes', chosen, { primary: true })),
    );
  }

  countsTable(prepared: PreparedDraw): HTMLElement {
    const rows = countsBySectorAndSex(prepared);
    const problems = problemLines(prepared);
    return this.el(
      'table',
      { id: 'counts', className: 'data-table' },
      this.el('caption', {}, `Candidatures recevables par secteur et par sexe (${prepared.candidatures.length} reçues${problems.length > 0 ? `, ${new Set(problems.map((p) => p.problem.row)).size} à vérifier` : ''})`),
      this.el('thead', {}, this.el('tr', {}, ...['Secteurs', 'Femmes', 'Hommes', 'Total'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
      this.el(
        'tbody',
        {},
        ...rows.map((r) => this.el('tr', { className: r.sector === 'Total' ? 'data-table__total' : '' }, this.el('th', { attrs: { scope: 'row' } }, r.sector), this.el('td', {}, r.F), this.el('td', {}, r.H), this.el('td', {}, r.total))),
      ),
    );
  }

  step2(view: CheckStep): Child[] {
    const { prepared, read } = view.table;
    const children: Child[] = [this.heading(STEP_TITLES.check)];
    const lines = problemLines(prepared);
    if (lines.length === 0) {
      children.push(this.el('p', { className: 'pane-message pane-message--info' }, `Aucune anomalie : les ${prepared.candidatures.length} candidatures peuvent participer au tirage.`));
    } else {
      const rows = new Set(lines.map((l) => l.problem.row)).size;
      children.push(
        this.el('p', {}, `${rows} ligne${rows > 1 ? 's' : ''} ne peu${rows > 1 ? 'vent' : 't'} pas participer au tirage. Activez une ligne pour la sélectionner dans la feuille, corrigez-la puis cliquez sur « Relire le tableau » ; ou écartez ces lignes : elles seront consignées au procès-verbal avec leur motif.`),
        this.el(
          'ul',
          { id: 'problems', className: 'problem-list' },
          ...lines.map((l, i) => this.el('li', {}, this.button(`problem-${i}`, l.text, { type: 'select', sheet: read.sheet.name, cell: l.cell }))),
        ),
      );
      const box = this.el('input', {
        id: 'exclude-confirm',
        attrs: { type: 'checkbox' },
        on: { change: (e) => this.send({ type: 'confirmExclusion', confirmed: (e.target as HTMLInputElement).checked }) },
      });
      box.checked = view.excludeConfirmed;
      children.push(
        this.el('div', { className: 'field field--check' }, box, this.el('label', { attrs: { for: 'exclude-confirm' } }, `J’écarte ces ${rows} ligne${rows > 1 ? 's' : ''} du tirage ; elles seront consignées au procès-verbal avec leur motif.`)),
      );
    }
    children.push(
      this.el(
        'div',
        { className: 'actions' },
        this.button('back-to-1', 'Retour', { type: 'back' }),
        lines.length > 0 ? this.button('reread-2', 'Relire le tableau', { type: 'readAgain' }) : null,
        this.button('to-step-3', 'Continuer : empreinte', { type: 'showFingerprint' }, { primary: true, disabled: lines.length > 0 && !view.excludeConfirmed }),
      ),
    );
    return children;
  }

  step3(view: FingerprintStep): Child[] {
    const { prepared } = view.table;
    const fingerprint = view.fingerprint;
    const children: Child[] = [this.heading(STEP_TITLES.fingerprint)];
    if (view.refusal !== null) {
      children.push(
        this.el(
          'p',
          { className: 'pane-message pane-message--warning', attrs: { role: 'alert' } },
          `Le tableau a changé : l’empreinte ci-dessous est la nouvelle (l’ancienne était ${groups(view.refusal.shown).join('')}). Annoncez-la avant de choisir la graine.`,
        ),
      );
    }
    children.push(
      this.el('p', {}, 'L’empreinte résume exactement le tableau des candidatures et les règles. Annoncez-la à la salle et affichez-la avant de choisir la graine : toute modification du tableau la change.'),
      this.el('p', { className: 'fingerprint-label', attrs: { id: 'fingerprint-label' } }, 'Empreinte'),
      this.el('p', { id: 'fingerprint', className: 'fingerprint', attrs: { 'aria-labelledby': 'fingerprint-label', 'data-fingerprint': fingerprint } }, ...groups(fingerprint)),
      this.el('div', { className: 'actions' }, this.button('copy-fingerprint', 'Copier l’empreinte', { type: 'copyFingerprint' })),
      // Sealed draw (issue 16): before the seed, anyone can check the fingerprint on the sealed table, and each candidate their own line with their receipt.
      this.el('h3', {}, 'Avant la graine : publier la table scellée'),
      this.el(
        'p',
        { id: 'before-seed-help', className: 'field__help' },
        'Sans nom ni date de naissance, la table scellée se publie avec l’empreinte : chacun peut la recalculer, et chaque candidat·e y retrouver sa ligne avec son reçu. Les reçus s’envoient, ils ne se publient pas.',
      ),
      this.el(
        'div',
        { className: 'actions' },
        this.button('open-sealed-table', 'Ouvrir la table scellée', { type: 'publish', what: 'sealedTable' }, { describedBy: 'before-seed-help' }),
        this.button('open-receipts', 'Ouvrir les reçus', { type: 'publish', what: 'receipts' }, { describedBy: 'before-seed-help' }),
      ),
      this.el('h3', {}, 'Sièges par secteur'),
      this.el(
        'table',
        { id: 'seats', className: 'data-table' },
        this.el('caption', {}, 'Sièges à pourvoir ; la graine choisit parmi les répartitions femmes-hommes qui respectent la parité.'),
        this.el('thead', {}, this.el('tr', {}, ...['Secteur', 'Femmes', 'Hommes'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
        this.el(
          'tbody',
          {},
          ...seatLines(prepared).map((s) =>
            this.el(
              'tr',
              {},
              this.el('th', { attrs: { scope: 'row' } }, this.el('span', { className: 'person__name' }, s.sector), this.el('span', { className: 'person__detail' }, `${s.seats} siège${s.seats > 1 ? 's' : ''}`)),
              this.el('td', {}, range(s.minWomen, s.maxWomen)),
              this.el('td', {}, range(s.seats - s.maxWomen, s.seats - s.minWomen)),
            ),
          ),
        ),
      ),
      this.el('h3', {}, 'Chance de chaque candidature d’être retenue'),
      // Two columns, the candidature's sector, sex and row under its name: the table fits a 270-pixel pane.
      this.el(
        'table',
        { id: 'chances', className: 'data-table' },
        this.el('caption', { className: 'visually-hidden' }, 'Chance de chaque candidature'),
        this.el('thead', {}, this.el('tr', {}, this.el('th', { attrs: { scope: 'col' } }, 'Candidature'), this.el('th', { attrs: { scope: 'col' } }, 'Chance'))),
        this.el(
          'tbody',
          {},
          ...chanceLines(prepared).map((c) =>
            this.el(
              'tr',
              {},
              this.el('th', { attrs: { scope: 'row' } }, this.el('span', { className: 'person__name' }, c.name), this.el('span', { className: 'person__detail' }, `${c.sector}, ${SEX_WORDS[c.sex]}, ligne ${c.row}`)),
              this.el('td', { className: 'data-table__number' }, c.chance),
            ),
          ),
        ),
      ),
      this.el('div', { className: 'actions' }, this.button('back-to-2', 'Retour', { type: 'back' }), this.button('to-step-4', 'Continuer : graine publique', { type: 'toSeed' }, { primary: true })),
    );
    return children;
  }

  /** People by sector, then women and men, as the Publication sheet lists them; a dash where there is nobody. */
  bySector(id: string, groups: readonly SectorPeople[]): HTMLElement {
    const line = (label: string, names: string[]) => this.el('p', { className: 'group__line' }, this.el('span', { className: 'group__sex' }, `${label} : `), names.length === 0 ? '—' : names.join(', '));
    return this.el(
      'ul',
      { id, className: 'group-list' },
      ...groups.map((g) => this.el('li', { className: 'group' }, this.el('p', { className: 'group__sector' }, g.sector), line('Femmes', g.women), line('Hommes', g.men))),
    );
  }

  /** A text field; `rows` makes it a text area of that many lines. */
  textField(view: SeedStep, id: FieldId, label: string, help: string, value: string, rows = 1): HTMLElement {
    const error = view.errors[id];
    const describedBy = [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = { 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : null, autocomplete: 'off' };
    const send = (e: Event) => this.send({ type: 'edit', field: id, value: (e.target as HTMLInputElement | HTMLTextAreaElement).value });
    const input = rows > 1 ? this.el('textarea', { id, attrs: { ...attrs, rows }, on: { input: send } }) : this.el('input', { id, attrs: { ...attrs, type: 'text' }, on: { input: send } });
    input.value = value;
    return this.el(
      'div',
      { className: 'field' },
      this.el('label', { attrs: { for: id } }, label),
      input,
      this.el('p', { id: `${id}-help`, className: 'field__help' }, help),
      error ? this.el('p', { id: `${id}-error`, className: 'field__error' }, error) : null,
    );
  }

  step4(view: SeedStep): Child[] {
    const later = isLaterDraw(view.workbook);
    return [
      this.heading(STEP_TITLES.seed),
      this.el(
        'p',
        { id: 'why-seed' },
        'La graine est choisie en public après l’annonce de l’empreinte : personne ne pouvait donc connaître le résultat en préparant le tableau, et chacun peut refaire le tirage avec l’empreinte et la graine.',
      ),
      this.el(
        'p',
        { id: 'announced' },
        'Empreinte annoncée : ',
        this.el('span', { className: 'fingerprint-inline' }, ...groups(view.fingerprint)),
        ` — date du tirage : ${longFrenchDate(view.setup.referenceDate)}.`,
      ),
      later
        ? this.textField(
            view,
            'field-reason',
            'Motif du nouveau tirage (obligatoire)',
            'Ce classeur contient déjà un tirage. Le motif est inscrit au journal des tirages et au nouveau procès-verbal ; le premier registre n’est pas modifié.',
            view.form.reason,
            3,
          )
        : null,
      this.textField(view, 'field-seed', 'Graine publique', 'Par exemple les dés lancés par les élus, ou des nombres proposés par la salle, tels qu’annoncés : « 4 2 6 1 5 3 ».', view.form.seed),
      // Several lines where the pane is narrow: the whole place stays in view as it is typed.
      this.textField(view, 'field-place', 'Lieu', 'Où se tient la séance (facultatif : une ligne est laissée sur le procès-verbal).', view.setup.place, 2),
      this.textField(view, 'field-officials', 'Élus et personnes présents', 'Un nom par ligne (facultatif : des lignes à signer sont laissées sur le procès-verbal).', view.setup.officials, 3),
      this.mandateStartField(view),
      this.el('div', { className: 'actions' }, this.button('back-to-3', 'Retour', { type: 'back' }), this.button('draw', 'Tirer au sort', { type: 'draw' }, { primary: true })),
    ];
  }

  /** Step 4's first day of the mandate (article 7: two years), the draw date unless the city designates the members later. */
  mandateStartField(view: SeedStep): HTMLElement {
    const id = 'field-mandate-start';
    const error = view.errors[id];
    const input = this.el('input', {
      id,
      attrs: { type: 'date', required: true, 'aria-describedby': error ? `${id}-help ${id}-error` : `${id}-help`, 'aria-invalid': error ? 'true' : null },
      on: { change: (e) => this.send({ type: 'edit', field: id, value: (e.target as HTMLInputElement).value }) },
    });
    input.value = view.form.mandateStart;
    const period = error === undefined && view.form.mandateStart !== '' ? mandatePeriod(view.form.mandateStart) : null;
    return this.el(
      'div',
      { className: 'field' },
      this.el('label', { attrs: { for: id } }, 'Premier jour du mandat'),
      input,
      this.el(
        'p',
        { id: `${id}-help`, className: 'field__help' },
        `Par défaut, la date du tirage ; au plus un an après. Inscrit au procès-verbal${period === null ? '' : ` : mandat ${mandateText(period)}`}.`,
      ),
      error ? this.el('p', { id: `${id}-error`, className: 'field__error' }, error) : null,
    );
  }

  step5(view: RevealStep): Child[] {
    const reveal = view.progress;
    const children: Child[] = [this.heading(STEP_TITLES.reveal)];
    const running = reveal.state === 'running';
    const over = reveal.state === 'done' || reveal.state === 'failed' || reveal.state === 'finishing';
    const pace = this.el(
      'select',
      {
        id: 'pace',
        attrs: { disabled: over, 'aria-describedby': 'pace-help' },
        on: { change: (e) => this.send({ type: 'setPace', pace: (e.target as HTMLSelectElement).value as PaceName }) },
      },
      ...(Object.keys(PACES) as PaceName[]).map((name) => this.el('option', { attrs: { value: name, selected: name === reveal.pace } }, PACES[name].label)),
    );
    children.push(
      this.el('p', {}, 'Le tirage est calculé ; le registre s’écrit maintenant dans le classeur, secteur par secteur : les numéros de tirage apparaissent dans l’ordre du tirage, puis les statuts et les couleurs. Une pause ne change pas le résultat.'),
      this.el('label', { attrs: { for: 'reveal-progress', id: 'reveal-progress-label' } }, 'Avancement du registre'),
      this.el('progress', { id: 'reveal-progress', attrs: { max: reveal.total, value: reveal.done, 'aria-valuetext': progressText(reveal) } }),
      this.el('p', { id: 'reveal-text' }, progressText(reveal)),
      // Said politely, and announced by the transition: nothing is wrong, Excel waits for the operator.
      // Always in its place (hidden when empty), so that the buttons below never move under the focus.
      this.el('p', { id: 'excel-wait', className: 'pane-message pane-message--info', attrs: { hidden: reveal.excelWait === null } }, reveal.excelWait ?? ''),
      reveal.state === 'failed'
        ? null
        : this.el(
            'div',
            { className: 'actions' },
            // One button that toggles, so the keyboard focus stays on it.
            running ? this.button('pause-toggle', 'Pause', { type: 'pause' }, { primary: true }) : this.button('pause-toggle', 'Reprendre', { type: 'resume' }, { primary: true, disabled: over }),
            this.button('reveal-all', 'Tout révéler', { type: 'revealAll' }, { disabled: over }),
          ),
      reveal.state === 'failed'
        ? null
        : this.el(
            'div',
            { className: 'field' },
            this.el('label', { attrs: { for: 'pace' } }, 'Rythme'),
            pace,
            this.el('p', { id: 'pace-help', className: 'field__help' }, 'Le temps entre deux secteurs révélés.'),
          ),
    );
    return children;
  }

  /** « Registre conforme », or each difference with a way to its cell in Excel. */
  verdict(check: WorkbookCheck): Child[] {
    const differences = allDifferences(check);
    if (differences.length === 0) {
      return [
        this.el(
          'div',
          { id: 'verdict', className: 'verdict verdict--ok', attrs: { role: 'status' } },
          this.el('p', { className: 'verdict__title' }, 'Registre conforme'),
          this.el('p', {}, `Vérifié dans Excel : chaque cellule de ${check.records.length > 1 ? `chacun des ${check.records.length} registres` : 'registre'} correspond au tirage recalculé à partir de ses données.`),
        ),
      ];
    }
    return [
      this.el(
        'div',
        { id: 'verdict', className: 'verdict verdict--ko', attrs: { role: 'alert' } },
        this.el('p', { className: 'verdict__title' }, `Registre non conforme : ${differences.length} différence${differences.length > 1 ? 's' : ''}`),
        this.el('p', {}, 'Activez une différence pour sélectionner la cellule dans Excel.'),
      ),
      this.el(
        'ul',
        { id: 'differences', className: 'problem-list' },
        ...differences.map((difference, i) => {
          const line = describeDifference(difference);
          const target = differenceTarget(difference);
          return this.el('li', {}, target ? this.button(`difference-${i}`, line, { type: 'select', sheet: target.sheet, cell: target.cell }) : line);
        }),
      ),
    ];
  }

  step6(view: MinutesStep): Child[] {
    const check = view.check;
    const children: Child[] = [this.heading(STEP_TITLES.minutes), ...this.verdict(check)];
    const conforming = allDifferences(check).length === 0;
    if (view.drawn !== null) {
      const { result, mandateStart } = view.drawn;
      const explanation = explainDraw(result);
      const members = peopleBySector(result, 'selected');
      const reserve = peopleBySector(result, 'reserve');
      const m = headcount(members);
      const r = headcount(reserve);
      children.push(
        this.el('p', { id: 'mandate' }, `Mandat ${mandateText(mandatePeriod(mandateStart))}.`),
        // The same sentences as the Publication sheet: counts and rules only, never an age or a name.
        this.el('h3', {}, 'Pourquoi ce résultat'),
        this.el('div', { id: 'reasons' }, this.el('p', {}, explanation.city), ...explanation.sectors.map((s) => this.el('p', {}, s.text))),
        this.el('h3', {}, `Membres désignés : ${m.women + m.men} (${m.women} femmes, ${m.men} hommes)`),
        this.bySector('members', members),
        this.el('h3', {}, `Liste complémentaire : ${r.women + r.men}`),
        r.women + r.men > 0
          ? this.el('p', { className: 'field__help' }, 'En cas de départ, on appelle dans cet ordre, dans le même secteur et le même sexe.')
          : this.el('p', {}, 'Personne : toutes les candidatures recevables sont retenues.'),
        // Sectors without anyone in reserve are left out; members are listed for every sector.
        r.women + r.men > 0 ? this.bySector('reserve', reserve.filter((g) => g.women.length + g.men.length > 0)) : null,
      );
    }
    const names = check.records[check.records.length - 1]?.sheetNames;
    children.push(
      this.el(
        'div',
        { className: 'actions' },
        names ? this.button('show-minutes', 'Afficher le procès-verbal', { type: 'select', sheet: names.minutes, cell: 'A1' }, { primary: true, describedBy: 'print-help' }) : null,
        names ? this.button('show-publication', 'Afficher la publication', { type: 'select', sheet: names.publication, cell: 'A1' }, { describedBy: 'print-help' }) : null,
        this.publicRecordButton(view),
        conforming && names ? this.button('start-replace', 'Remplacer un membre', { type: 'startReplace' }) : null,
        this.button('new-draw', 'Préparer un autre tirage', { type: 'newDraw' }),
      ),
      this.publicRecordHelp(view),
      this.el('p', { id: 'print-help', className: 'field__help' }, 'La feuille s’affiche dans Excel, mise en page pour l’impression A4 : Fichier > Imprimer (Ctrl+P). La publication est la page à afficher en mairie et en ligne.'),
    );
    return children;
  }

  /** A form field: its label, control, help and error, the control described by both. */
  formField(id: string, label: string, help: string, error: string | undefined, control: HTMLElement): HTMLElement {
    control.setAttribute('aria-describedby', error ? `${id}-help ${id}-error` : `${id}-help`);
    if (error) control.setAttribute('aria-invalid', 'true');
    return this.el(
      'div',
      { className: 'field' },
      this.el('label', { attrs: { for: id } }, label),
      control,
      this.el('p', { id: `${id}-help`, className: 'field__help' }, help),
      error ? this.el('p', { id: `${id}-error`, className: 'field__error' }, error) : null,
    );
  }

  replaceView(view: ReplaceStep): Child[] {
    const { record, form, errors } = view;
    const send = (field: 'leavingRow' | 'date' | 'reason' | 'chosenRow') => (e: Event) => this.send({ type: 'editReplace', field, value: (e.target as HTMLInputElement).value });
    // Grouped by sector and sex, each option the name alone, so that it fits a 270-pixel pane; the row only tells namesakes apart.
    const options = (people: readonly CandidateOutcome[]) => {
      const name = (o: CandidateOutcome) => displayName(o.candidature.lastName, o.candidature.firstName);
      return people.map((o) => {
        const namesake = people.some((p) => p !== o && name(p) === name(o));
        return this.el('option', { attrs: { value: String(o.candidature.row), selected: o.candidature.row === form.leavingRow } }, namesake ? `${name(o)} (ligne ${o.candidature.row})` : name(o));
      });
    };
    const leaving = this.el(
      'select',
      { id: REPLACE_FIELD_IDS.leavingRow, on: { change: send('leavingRow') } },
      this.el('option', { attrs: { value: '', selected: form.leavingRow === null } }, '— choisir un membre —'),
      ...membersBySector(record, currentMembers(record)).flatMap((g) => [
        g.women.length > 0 ? this.el('optgroup', { attrs: { label: `${g.sector}, femmes` } }, ...options(g.women)) : null,
        g.men.length > 0 ? this.el('optgroup', { attrs: { label: `${g.sector}, hommes` } }, ...options(g.men)) : null,
      ]),
    );
    const chosen = currentMembers(record).find((o) => o.candidature.row === form.leavingRow);
    const date = this.el('input', { id: REPLACE_FIELD_IDS.date, attrs: { type: 'date', required: true }, on: { change: send('date') } });
    date.value = form.date;
    const reason = this.el('input', { id: REPLACE_FIELD_IDS.reason, attrs: { type: 'text', autocomplete: 'off' }, on: { input: send('reason') } });
    reason.value = form.reason;
    const departures = record.recorded.length;
    return [
      this.el('h2', { id: 'step-title', className: 'step__title', attrs: { tabindex: '-1' } }, 'Remplacer un membre'),
      this.el(
        'p',
        { id: 'replace-mandate' },
        `Tirage du ${longFrenchDate(record.result.prepared.referenceDate)}, mandat ${mandateText(record.mandate)}. ${departures === 0 ? 'Aucun départ consigné jusqu’ici.' : `${departures} départ${departures > 1 ? 's' : ''} déjà consigné${departures > 1 ? 's' : ''}.`}`,
      ),
      this.formField(
        REPLACE_FIELD_IDS.leavingRow,
        'Membre qui quitte le conseil',
        chosen === undefined ? 'Les membres à ce jour, remplaçants compris, par secteur et par sexe.' : `${personLabel(chosen)}.`,
        errors.leavingRow,
        leaving,
      ),
      this.proposalView(proposalFor(record, form), form.chosenRow, errors.chosenRow),
      this.formField(REPLACE_FIELD_IDS.date, 'Date du départ', `Pendant le mandat, au plus tard aujourd’hui (${longFrenchDate(this.state.today)}).`, errors.date, date),
      this.formField(REPLACE_FIELD_IDS.reason, 'Motif du départ', 'Par exemple « Démission » : il est inscrit dans la feuille de remplacement et au journal des tirages.', errors.reason, reason),
      this.el(
        'div',
        { className: 'actions' },
        this.button('back-to-minutes', 'Retour', { type: 'back' }),
        this.button('confirm-replace', 'Consigner le remplacement', { type: 'confirmReplace' }, { primary: true }),
      ),
    ];
  }

  /** Who joins by the rule, in one plain sentence; or whom the city may choose, in call order; or a seat left vacant. */
  proposalView(proposal: Proposal | null, chosenRow: number | null, error: string | undefined): HTMLElement | null {
    if (proposal === null) return null;
    const rule = this.el('p', { className: 'field__help', attrs: { id: 'replace-rule' } }, `Règle : ${RULE_LABELS[proposal.rule]}`);
    switch (proposal.rule) {
      case 'same_group':
        return this.el(
          'div',
          { id: 'replace-proposal', className: 'proposal' },
          this.el('p', {}, proposalSentence(proposal)),
          rule,
        );
      case 'vacant':
        return this.el('div', { id: 'replace-proposal', className: 'proposal' }, this.el('p', {}, proposalSentence(proposal)), rule);
      case 'chosen': {
        const describedBy = error ? 'replace-rule replace-chosen-error' : 'replace-rule';
        return this.el(
          'fieldset',
          { id: 'replace-proposal', className: 'proposal', attrs: { 'aria-describedby': describedBy } },
          this.el('legend', {}, 'Personne qui rejoint le conseil'),
          rule,
          ...proposal.offered.map((o, i) => {
            const id = i === 0 ? REPLACE_FIELD_IDS.chosenRow : `${REPLACE_FIELD_IDS.chosenRow}-${i}`;
            const radio = this.el('input', { id, attrs: { type: 'radio', name: 'replace-chosen', value: String(o.candidature.row) }, on: { change: (e) => this.send({ type: 'editReplace', field: 'chosenRow', value: (e.target as HTMLInputElement).value }) } });
            radio.checked = o.candidature.row === chosenRow;
            return this.el('div', { className: 'field field--check' }, radio, this.el('label', { attrs: { for: id } }, `${personLabel(o)}, liste complémentaire n° ${o.reserveRank}`));
          }),
          error ? this.el('p', { id: 'replace-chosen-error', className: 'field__error' }, error) : null,
        );
      }
    }
  }

  replacedView(view: ReplacedStep): Child[] {
    const { replacement, sheetName, check, result } = view.outcome;
    const { request, leaving, joining } = replacement;
    const members = membersNow(result.prepared.rules.sectors, replacement.membersAfter);
    const m = headcount(members);
    return [
      this.el('h2', { id: 'step-title', className: 'step__title', attrs: { tabindex: '-1' } }, 'Remplacement consigné'),
      ...this.verdict(check),
      this.el(
        'div',
        { id: 'replacement' },
        this.el('p', {}, `Départ : ${personLabel(leaving)}, le ${longFrenchDate(request.date)} (motif : ${request.reason}).`),
        this.el('p', {}, joining === null ? 'Siège laissé vacant.' : `Rejoint le conseil : ${personLabel(joining)}.`),
        this.el('p', { className: 'field__help' }, `Règle : ${RULE_LABELS[replacement.rule]}`),
      ),
      // Printed on the sheet; published with the notice, it lets anyone check the chain of replacements (ALGORITHM.md §11).
      this.el('p', { className: 'fingerprint-label', attrs: { id: 'replacement-fingerprint-label' } }, 'Empreinte du remplacement'),
      this.el('p', { id: 'replacement-fingerprint', className: 'fingerprint', attrs: { 'aria-labelledby': 'replacement-fingerprint-label', 'data-fingerprint': view.outcome.fingerprint } }, ...groups(view.outcome.fingerprint)),
      this.el('p', { className: 'field__help' }, 'À publier avec l’avis de remplacement : elle change si la date, le motif ou un remplacement précédent change.'),
      this.el('h3', {}, `Membres à ce jour : ${m.women + m.men} (${m.women} femmes, ${m.men} hommes)`),
      this.bySector('members', members),
      this.el(
        'div',
        { className: 'actions' },
        this.button('show-replacement', `Afficher la feuille « ${sheetName} »`, { type: 'select', sheet: sheetName, cell: 'A1' }, { primary: true }),
        allDifferences(check).length === 0 ? this.button('start-replace', 'Remplacer un autre membre', { type: 'startReplace' }) : null,
        this.publicRecordButton(view),
        this.button('verify-again', 'Vérifier le registre', { type: 'verifyExisting' }),
      ),
      this.publicRecordHelp(view),
    ];
  }

  /** « Ouvrir le registre public » (step 6, a replacement's outcome), when the record is sealed and conforming. */
  private publicRecordButton(view: MinutesStep | ReplacedStep): HTMLButtonElement | null {
    return publicRecordOffered(view) ? this.button('open-public-record', 'Ouvrir le registre public', { type: 'publish', what: 'publicRecord' }, { describedBy: 'public-record-help' }) : null;
  }

  /** What the public record is, under its button. */
  private publicRecordHelp(view: MinutesStep | ReplacedStep): HTMLElement | null {
    if (!publicRecordOffered(view)) return null;
    return this.el(
      'p',
      { id: 'public-record-help', className: 'field__help' },
      'Le registre public (tirage, candidatures scellées, remplacements) ne contient aucune donnée personnelle : il se publie, et chacun peut le vérifier.',
    );
  }
}

/** The fields the columns form asks for: a missing birth date may be given as an age column instead. */
export function formFields(missing: readonly Field[]): Field[] {
  return missing.includes('birthDate') && !missing.includes('age') ? [...missing, 'age'] : [...missing];
}

/** The fingerprint in groups of 8, so the room can read it aloud and compare. */
function groups(fingerprint: string): string[] {
  return (fingerprint.match(/.{1,8}/g) ?? []).map((g, i, all) => (i < all.length - 1 ? `${g} ` : g));
}

function range(min: number, max: number): string {
  return min === max ? String(min) : `${min} à ${max}`;
}
