/**
 * What each step of the session shows, drawn from the session's state: headings, fields, tables,
 * buttons. Every text goes through text nodes (dom.ts). The views decide nothing: each button
 * calls one of the session's actions, and form fields write what is typed into the state.
 */
import { FIELD_LABELS, type Field } from '../../core/columns';
import type { PreparedDraw } from '../../core/draw';
import { allDifferences } from '../../core/record/verify';
import { describeDifference } from '../../core/messages';
import { describeFormulaWithoutValue } from '../../excel/problems';
import { append, h, type Child } from '../dom';
import { PACES, type PaceName } from './pacer';
import {
  chanceLines,
  countsBySectorAndSex,
  differenceTarget,
  membersAndReserve,
  problemLines,
  recognisedColumns,
  seatLines,
  sourceLabel,
} from './sessionModel';
import { STEP_TITLES, type RevealView, type SessionState, type Step } from './state';

/** What the views may ask of the session. */
export interface SessionActions {
  goTo(step: Step): void;
  /** The workbook's list and the chosen table read again. */
  readAgain(): Promise<void>;
  prepareNew(): Promise<void>;
  verifyExisting(): Promise<void>;
  showFingerprint(): Promise<void>;
  copy(text: string): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  confirmExclusion(confirmed: boolean): void;
  useColumns(): Promise<void>;
  draw(): Promise<void>;
  pause(): void;
  resume(): void;
  revealAll(): void;
  setPace(name: PaceName): void;
  newDraw(): Promise<void>;
  retry(): void;
  canRetry(): boolean;
  isLaterDraw(): boolean;
}

export class StepViews {
  constructor(
    private readonly document: Document,
    private readonly state: SessionState,
    private readonly act: SessionActions,
  ) {}

  readonly el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Parameters<typeof h>[2] = {}, ...children: Child[]) => h(this.document, tag, props, ...children);

  button(id: string, label: string, action: () => void | Promise<void>, options: { primary?: boolean; disabled?: boolean; describedBy?: string } = {}): HTMLButtonElement {
    return this.el(
      'button',
      {
        id,
        className: options.primary ? 'button button--primary' : 'button',
        // Busy: announced as unavailable but kept focusable, so the keyboard never loses its place.
        attrs: { type: 'button', disabled: options.disabled === true, 'aria-disabled': this.state.busy !== null ? 'true' : null, 'aria-describedby': options.describedBy },
        on: {
          click: () => {
            if (this.state.busy === null) void action();
          },
        },
      },
      label,
    );
  }

  stepper(): HTMLElement[] {
    if (this.state.step === 'existing') return [];
    const current = this.state.step;
    const items = ([1, 2, 3, 4, 5, 6] as const).map((n) =>
      this.el(
        'li',
        { className: `stepper__item${n === current ? ' stepper__item--current' : n < current ? ' stepper__item--done' : ''}`, attrs: { 'aria-current': n === current ? 'step' : null } },
        this.el('span', { className: 'stepper__number', attrs: { 'aria-hidden': 'true' } }, String(n)),
        this.el('span', { className: 'stepper__label' }, STEP_TITLES[n]),
        n < current ? this.el('span', { className: 'visually-hidden' }, ' (terminée)') : null,
      ),
    );
    return [this.el('nav', { attrs: { 'aria-label': 'Étapes de la séance' } }, this.el('ol', { className: 'stepper' }, ...items))];
  }

  heading(text: string): HTMLElement {
    const step = this.state.step;
    const prefix = typeof step === 'number' ? `Étape ${step} sur 6 — ` : '';
    return this.el('h2', { id: 'step-title', className: 'step__title', attrs: { tabindex: '-1' } }, `${prefix}${text}`);
  }

  body(): HTMLElement {
    const section = this.el('section', { className: 'step', attrs: { 'aria-labelledby': 'step-title', 'data-step': String(this.state.step) } });
    const step = this.state.step;
    const content =
      step === 'existing' ? this.existingView() : step === 1 ? this.step1() : step === 2 ? this.step2() : step === 3 ? this.step3() : step === 4 ? this.step4() : step === 5 ? this.step5() : this.step6();
    append(section, content);
    const failure = this.failureView();
    if (failure) section.insertBefore(failure, section.children[1] ?? null);
    if (this.state.busy !== null) section.insertBefore(this.el('p', { className: 'step__busy' }, this.state.busy), section.children[1] ?? null);
    return section;
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
      failure.code === 'fingerprint_mismatch' ? this.button('show-new-fingerprint', 'Afficher la nouvelle empreinte', () => this.act.showFingerprint(), { primary: true }) : null,
      // After a sync that never answered, Excel answers nothing more (office-js #6678): no « Réessayer ».
      failure.code === 'connection_lost' || failure.code === 'excel_error' || failure.code === 'general_exception' || failure.code === 'cell_edit'
        ? this.button('retry', 'Réessayer', () => this.act.retry(), { disabled: !this.act.canRetry() })
        : null,
    );
  }

  existingView(): Child[] {
    const n = this.state.existingRecords.length;
    return [
      this.heading('Ce classeur contient déjà un tirage'),
      this.el(
        'p',
        {},
        n === 1
          ? `Un registre de tirage est déjà enregistré dans ce classeur (feuille « ${this.state.existingRecords[0]} »). Vérifiez-le d’abord : la vérification refait le tirage à partir de ses données et compare chaque cellule.`
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
        this.button('verify-existing', 'Vérifier le registre', () => this.act.verifyExisting(), { primary: true }),
        this.button('prepare-new', 'Préparer un nouveau tirage', () => this.act.prepareNew()),
      ),
    ];
  }

  step1(): Child[] {
    const { choices, prepared, read } = this.state;
    const children: Child[] = [this.heading(STEP_TITLES[1])];
    if (this.state.contents !== null && choices.length === 0) {
      children.push(
        this.el('p', { className: 'pane-message pane-message--warning', attrs: { role: 'alert' } }, 'Aucun tableau ni aucune feuille de candidatures dans ce classeur. Ouvrez le classeur qui contient le tableau des candidatures, puis cliquez sur « Relire le tableau ».'),
      );
    }
    const select = this.el(
      'select',
      {
        id: 'source',
        attrs: { 'aria-describedby': 'source-help' },
        on: {
          change: (e) => {
            this.state.choice = Number((e.target as HTMLSelectElement).value);
            // Columns named for one table mean nothing for another.
            this.state.columnMapping = {};
            this.state.missingColumns = null;
          },
        },
      },
      ...choices.map((c, i) => {
        const option = this.el('option', { attrs: { value: String(i) } }, sourceLabel(c));
        option.selected = i === this.state.choice;
        return option;
      }),
    );
    const date = this.el('input', {
      id: 'reference-date',
      attrs: { type: 'date', value: this.state.referenceDate, required: true, 'aria-describedby': 'reference-date-help' },
      on: { change: (e) => (this.state.referenceDate = (e.target as HTMLInputElement).value) },
    });
    children.push(
      this.el(
        'div',
        { className: 'field' },
        this.el('label', { attrs: { for: 'source' } }, 'Tableau des candidatures'),
        select,
        this.el('p', { id: 'source-help', className: 'field__help' }, 'Les tableaux Excel du classeur, puis chaque feuille entière.'),
      ),
      this.el(
        'div',
        { className: 'field' },
        this.el('label', { attrs: { for: 'reference-date' } }, 'Date du tirage'),
        date,
        this.el('p', { id: 'reference-date-help', className: 'field__help' }, 'Le jour de la séance publique : l’âge de chaque candidature est compté à cette date, et elle entre dans l’empreinte.'),
      ),
      this.el('div', { className: 'actions' }, this.button('read-table', 'Relire le tableau', () => this.act.readAgain(), { disabled: choices.length === 0 })),
    );
    if (this.state.missingColumns !== null && prepared === null) children.push(this.columnsForm(this.state.missingColumns));
    if (prepared !== null && read !== null) {
      const columns = recognisedColumns(read, this.state.columnMapping);
      children.push(
        this.el('h3', {}, 'Colonnes reconnues'),
        this.el('ul', { className: 'plain-list', attrs: { id: 'columns' } }, ...columns.map((c) => this.el('li', {}, `${c.field} : colonne ${c.column} (« ${c.header} »)`))),
        this.countsTable(prepared),
        ...read.formulasWithoutValue.map((f) => this.el('p', { className: 'pane-message pane-message--warning' }, describeFormulaWithoutValue(f))),
        this.el('div', { className: 'actions' }, this.button('to-step-2', 'Continuer : vérification', () => this.act.goTo(2), { primary: true })),
      );
    }
    return children;
  }

  columnsForm(missing: { fields: Field[]; headers: { cell: string; text: string }[] }): HTMLElement {
    return this.el(
      'fieldset',
      { id: 'columns-form', className: 'columns-form' },
      this.el('legend', {}, 'Indiquer les colonnes non reconnues'),
      this.el('p', {}, 'Choisissez, pour chaque donnée, la colonne du tableau qui la contient. Le registre consigne ce choix.'),
      ...formFields(missing.fields).map((field) =>
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
      this.el('div', { className: 'actions' }, this.button('use-columns', 'Utiliser ces colonnes', () => this.act.useColumns(), { primary: true })),
    );
  }

  countsTable(prepared: PreparedDraw): HTMLElement {
    const rows = countsBySectorAndSex(prepared);
    const problems = problemLines(prepared).length;
    return this.el(
      'table',
      { id: 'counts', className: 'data-table' },
      this.el('caption', {}, `Candidatures recevables par secteur et par sexe (${prepared.candidatures.length} reçues${problems > 0 ? `, ${new Set(problemLines(prepared).map((p) => p.problem.row)).size} à vérifier` : ''})`),
      this.el('thead', {}, this.el('tr', {}, ...['Secteurs', 'Femmes', 'Hommes', 'Total'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
      this.el(
        'tbody',
        {},
        ...rows.map((r) => this.el('tr', { className: r.sector === 'Total' ? 'data-table__total' : '' }, this.el('th', { attrs: { scope: 'row' } }, r.sector), this.el('td', {}, r.F), this.el('td', {}, r.H), this.el('td', {}, r.total))),
      ),
    );
  }

  step2(): Child[] {
    const prepared = this.state.prepared;
    const children: Child[] = [this.heading(STEP_TITLES[2])];
    if (prepared === null) return children;
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
          ...lines.map((l, i) =>
            this.el('li', {}, this.button(`problem-${i}`, l.text, () => this.act.select(this.state.read?.sheet.name ?? '', l.cell))),
          ),
        ),
      );
      const box = this.el('input', {
        id: 'exclude-confirm',
        attrs: { type: 'checkbox' },
        on: {
          change: (e) => this.act.confirmExclusion((e.target as HTMLInputElement).checked),
        },
      });
      box.checked = this.state.excludeConfirmed;
      children.push(
        this.el('div', { className: 'field field--check' }, box, this.el('label', { attrs: { for: 'exclude-confirm' } }, `J’écarte ces ${rows} ligne${rows > 1 ? 's' : ''} du tirage ; elles seront consignées au procès-verbal avec leur motif.`)),
      );
    }
    children.push(
      this.el(
        'div',
        { className: 'actions' },
        this.button('back-to-1', 'Retour', () => this.act.goTo(1)),
        lines.length > 0 ? this.button('reread-2', 'Relire le tableau', () => this.act.readAgain()) : null,
        this.button('to-step-3', 'Continuer : empreinte', () => this.act.showFingerprint(), { primary: true, disabled: lines.length > 0 && !this.state.excludeConfirmed }),
      ),
    );
    return children;
  }

  step3(): Child[] {
    const prepared = this.state.prepared as PreparedDraw;
    const fingerprint = this.state.shownFingerprint ?? '';
    const children: Child[] = [this.heading(STEP_TITLES[3])];
    if (this.state.refusal !== null) {
      children.push(
        this.el(
          'p',
          { className: 'pane-message pane-message--warning', attrs: { role: 'alert' } },
          `Le tableau a changé : l’empreinte ci-dessous est la nouvelle (l’ancienne était ${this.state.refusal.shown}). Annoncez-la avant de choisir la graine.`,
        ),
      );
    }
    children.push(
      this.el('p', {}, 'L’empreinte résume exactement le tableau des candidatures et les règles. Annoncez-la à la salle et affichez-la avant de choisir la graine : toute modification du tableau la change.'),
      this.el('p', { className: 'fingerprint-label', attrs: { id: 'fingerprint-label' } }, 'Empreinte'),
      this.el('p', { id: 'fingerprint', className: 'fingerprint', attrs: { 'aria-labelledby': 'fingerprint-label', 'data-fingerprint': fingerprint } }, ...groups(fingerprint)),
      this.el('div', { className: 'actions' }, this.button('copy-fingerprint', 'Copier l’empreinte', () => this.act.copy(fingerprint))),
      this.el('h3', {}, 'Sièges par secteur'),
      this.el(
        'table',
        { id: 'seats', className: 'data-table' },
        this.el('caption', {}, 'Sièges à pourvoir ; la graine choisit parmi les répartitions femmes-hommes qui respectent la parité.'),
        this.el('thead', {}, this.el('tr', {}, ...['Secteurs', 'Sièges', 'Femmes', 'Hommes'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
        this.el(
          'tbody',
          {},
          ...seatLines(prepared).map((s) =>
            this.el('tr', {}, this.el('th', { attrs: { scope: 'row' } }, s.sector), this.el('td', {}, s.seats), this.el('td', {}, range(s.minWomen, s.maxWomen)), this.el('td', {}, range(s.seats - s.maxWomen, s.seats - s.minWomen))),
          ),
        ),
      ),
      this.el('h3', {}, 'Chance de chaque candidature d’être retenue'),
      this.el(
        'table',
        { id: 'chances', className: 'data-table' },
        this.el('caption', { className: 'visually-hidden' }, 'Chance de chaque candidature'),
        this.el('thead', {}, this.el('tr', {}, ...['Ligne', 'Nom', 'Secteur', 'Sexe', 'Chance'].map((t) => this.el('th', { attrs: { scope: 'col' } }, t)))),
        this.el('tbody', {}, ...chanceLines(prepared).map((c) => this.el('tr', {}, this.el('td', {}, c.row), this.el('th', { attrs: { scope: 'row' } }, c.name), this.el('td', {}, c.sector), this.el('td', {}, c.sex), this.el('td', {}, c.chance)))),
      ),
      this.el('div', { className: 'actions' }, this.button('back-to-2', 'Retour', () => this.act.goTo(2)), this.button('to-step-4', 'Continuer : graine publique', () => this.act.goTo(4), { primary: true })),
    );
    return children;
  }

  textField(id: string, label: string, help: string, value: string, set: (value: string) => void, multiline = false): HTMLElement {
    const error = this.state.fieldErrors[id];
    const describedBy = [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = { 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : null, autocomplete: 'off' };
    const input = multiline
      ? this.el('textarea', { id, attrs: { ...attrs, rows: 3 }, on: { input: (e) => set((e.target as HTMLTextAreaElement).value) } })
      : this.el('input', { id, attrs: { ...attrs, type: 'text' }, on: { input: (e) => set((e.target as HTMLInputElement).value) } });
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

  step4(): Child[] {
    const later = this.act.isLaterDraw();
    return [
      this.heading(STEP_TITLES[4]),
      this.el(
        'p',
        { id: 'why-seed' },
        'La graine est choisie en public après l’annonce de l’empreinte : personne ne pouvait donc connaître le résultat en préparant le tableau, et chacun peut refaire le tirage avec l’empreinte et la graine.',
      ),
      this.el('p', {}, `Empreinte annoncée : ${this.state.shownFingerprint ?? ''} — date du tirage : ${this.state.referenceDate}.`),
      later
        ? this.textField(
            'field-reason',
            'Motif du nouveau tirage (obligatoire)',
            'Ce classeur contient déjà un tirage. Le motif est inscrit au journal des tirages et au nouveau procès-verbal ; le premier registre n’est pas modifié.',
            this.state.reason,
            (v) => (this.state.reason = v),
            true,
          )
        : null,
      this.textField('field-seed', 'Graine publique', 'Par exemple les dés lancés par les élus, ou des nombres proposés par la salle, tels qu’annoncés : « 4 2 6 1 5 3 ».', this.state.seed, (v) => (this.state.seed = v)),
      this.textField('field-place', 'Lieu', 'Où se tient la séance (facultatif : une ligne est laissée sur le procès-verbal).', this.state.place, (v) => (this.state.place = v)),
      this.textField('field-officials', 'Élus et personnes présents', 'Un nom par ligne (facultatif : des lignes à signer sont laissées sur le procès-verbal).', this.state.officials, (v) => (this.state.officials = v), true),
      this.el('div', { className: 'actions' }, this.button('back-to-3', 'Retour', () => this.act.goTo(3)), this.button('draw', 'Tirer au sort', () => this.act.draw(), { primary: true })),
    ];
  }

  step5(): Child[] {
    const reveal = this.state.reveal;
    const children: Child[] = [this.heading(STEP_TITLES[5])];
    if (reveal === null) return children;
    const running = reveal.state === 'running';
    const over = reveal.state === 'done' || reveal.state === 'failed' || reveal.state === 'finishing';
    const pace = this.el(
      'select',
      {
        id: 'pace',
        attrs: { disabled: over },
        on: {
          change: (e) => this.act.setPace((e.target as HTMLSelectElement).value as PaceName),
        },
      },
      ...(Object.keys(PACES) as PaceName[]).map((name) => {
        const option = this.el('option', { attrs: { value: name } }, PACES[name].label);
        option.selected = name === reveal.pace;
        return option;
      }),
    );
    children.push(
      this.el('p', {}, 'Le tirage est calculé ; le registre s’écrit maintenant dans le classeur, secteur par secteur : les numéros de tirage apparaissent dans l’ordre du tirage, puis les statuts et les couleurs. Une pause ne change pas le résultat.'),
      this.el('label', { attrs: { for: 'reveal-progress', id: 'reveal-progress-label' } }, 'Avancement du registre'),
      this.el('progress', { id: 'reveal-progress', attrs: { max: reveal.total, value: reveal.done, 'aria-valuetext': progressText(reveal) } }),
      this.el('p', { id: 'reveal-text' }, progressText(reveal)),
      this.state.excelWait === null ? null : this.el('p', { id: 'excel-wait', className: 'pane-message' }, this.state.excelWait),
      reveal.state === 'failed' ? null : this.el(
        'div',
        { className: 'actions' },
        // One button that toggles, so the keyboard focus stays on it.
        running
          ? this.button('pause-toggle', 'Pause', () => this.act.pause(), { primary: true })
          : this.button('pause-toggle', 'Reprendre', () => this.act.resume(), { primary: true, disabled: over }),
        this.button('reveal-all', 'Tout révéler', () => this.act.revealAll(), { disabled: over }),
      ),
      reveal.state === 'failed' ? null : this.el('div', { className: 'field' }, this.el('label', { attrs: { for: 'pace' } }, 'Rythme'), pace),
    );
    return children;
  }

  step6(): Child[] {
    const check = this.state.check;
    const children: Child[] = [this.heading(STEP_TITLES[6])];
    if (check === null) return children;
    const differences = allDifferences(check);
    if (differences.length === 0) {
      children.push(
        this.el(
          'div',
          { id: 'verdict', className: 'verdict verdict--ok', attrs: { role: 'status' } },
          this.el('p', { className: 'verdict__title' }, 'Registre conforme'),
          this.el('p', {}, `Vérifié dans Excel : chaque cellule de ${check.records.length > 1 ? `chacun des ${check.records.length} registres` : 'registre'} correspond au tirage recalculé à partir de ses données.`),
        ),
      );
    } else {
      children.push(
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
            return this.el('li', {}, target ? this.button(`difference-${i}`, line, () => this.act.select(target.sheet, target.cell)) : line);
          }),
        ),
      );
    }
    const result = this.state.result;
    if (result !== null) {
      const { members, reserve } = membersAndReserve(result);
      children.push(
        this.el('h3', {}, `Membres retenus (${members.length})`),
        this.el('ol', { id: 'members', className: 'name-list' }, ...members.map((m) => this.el('li', {}, `${m.name} — ${m.sector}, ${m.sex === 'F' ? 'femme' : 'homme'}`))),
        this.el('h3', {}, `Liste complémentaire (${reserve.length})`),
        this.el('ul', { id: 'reserve', className: 'name-list' }, ...reserve.map((m) => this.el('li', {}, `${m.name} — ${m.sector}, ${m.status}`))),
      );
    }
    const minutes = check.records[check.records.length - 1]?.sheetNames.minutes;
    children.push(
      this.el(
        'div',
        { className: 'actions' },
        minutes ? this.button('show-minutes', 'Afficher le procès-verbal', () => this.act.select(minutes, 'A1'), { primary: true, describedBy: 'print-help' }) : null,
        this.button('new-draw', 'Préparer un autre tirage', () => this.act.newDraw()),
      ),
      this.el('p', { id: 'print-help', className: 'field__help' }, 'La feuille du procès-verbal s’affiche dans Excel, mise en page pour l’impression A4 : Fichier > Imprimer (Ctrl+P).'),
    );
    return children;
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

export function progressText(reveal: RevealView): string {
  const where = `Étape ${reveal.done} sur ${reveal.total} écrite`;
  switch (reveal.state) {
    case 'running':
      return `${where}.`;
    case 'paused':
      return `${where} — en pause.`;
    case 'finishing':
      return `${where} — écriture du reste et vérification…`;
    case 'done':
      return 'Registre entièrement écrit et vérifié.';
    case 'failed':
      return `${where} — l’écriture a échoué.`;
  }
}
