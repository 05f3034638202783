/**
 * The pane's only way to build elements. Children given as strings become text nodes: nothing
 * from a workbook (a candidate called `<img src=x onerror=…>`) is ever parsed as HTML.
 *
 * A view is drawn anew from the state each time, then `patch` brings the page to it in place
 * (morphdom): the elements that stay keep their focus, caret and date segment, so a field can be
 * redrawn while the operator types in it, and a screen reader is not sent back to its start.
 */
import morphdom from 'morphdom';

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  id?: string;
  className?: string;
  /** Attributes set as given (aria-*, role, type, for…); false or null leaves one out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

type Listener = [string, EventListener];

/** Each element's listeners, as `h` added them: `patch` moves them onto the element kept. */
const listeners = new WeakMap<Element, Listener[]>();

export function h<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.id) element.id = props.id;
  if (props.className) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  const added: Listener[] = [];
  for (const [name, handler] of Object.entries(props.on ?? {})) {
    element.addEventListener(name, handler as EventListener);
    added.push([name, handler as EventListener]);
  }
  if (added.length > 0) listeners.set(element, added);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? parent.ownerDocument!.createTextNode(String(child)) : child);
  }
}

/** The kept element answers as the new one would: its old listeners go, the new ones come. */
function moveListeners(kept: Element, drawn: Element): void {
  for (const [name, handler] of listeners.get(kept) ?? []) kept.removeEventListener(name, handler);
  const fresh = listeners.get(drawn) ?? [];
  for (const [name, handler] of fresh) kept.addEventListener(name, handler);
  if (fresh.length > 0) listeners.set(kept, fresh);
  else listeners.delete(kept);
}

/**
 * `container`'s children made like `children`, in place: elements are matched by id (else by
 * position and tag) and updated, attributes, values and listeners included.
 */
export function patch(container: HTMLElement, children: readonly Child[]): void {
  const drawn = container.cloneNode(false) as HTMLElement;
  append(drawn, children);
  morphdom(container, drawn, {
    childrenOnly: true,
    onBeforeElUpdated: (kept, next) => {
      moveListeners(kept, next);
      return true;
    },
  });
}
