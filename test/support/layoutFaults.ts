/**
 * What a narrow pane can get wrong, measured in the page (evaluated by Playwright, so it must
 * stand alone: no imports, no closures):
 * - a word broken across two lines: each word of each visible text node, as a Range, must lie on
 *   one line (`getClientRects` gives one line per fragment). A break after a hyphen is a normal
 *   line break, so « Morel-Duhamel » counts as two words;
 * - anything wider than the viewport, or cut: an element reaching past the right edge, a page or an
 *   element that scrolls sideways, a select whose chosen text is wider than the select shows.
 * Returns one French line per fault; [] when the layout holds.
 */
export function layoutFaults(): string[] {
  const faults: string[] = [];
  const width = document.documentElement.clientWidth;
  const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
  const hidden = (element: Element) => element.closest('.visually-hidden, select, option, script, style, noscript') !== null || element.getClientRects().length === 0;

  if (document.documentElement.scrollWidth > width) faults.push(`la page défile horizontalement (${document.documentElement.scrollWidth} px pour ${width})`);

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    const parent = text.parentElement;
    if (parent === null || hidden(parent)) continue;
    const words = /[^\s-]+-?/g;
    for (let match = words.exec(text.data); match !== null; match = words.exec(text.data)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const lines = new Set(rects.map((r) => Math.round(r.bottom)));
      if (lines.size > 1) faults.push(`mot coupé « ${match[0]} » dans ${describe(parent)}`);
      if (rects.some((r) => r.right > width + 0.5 || r.left < -0.5)) faults.push(`mot hors du volet « ${match[0]} » dans ${describe(parent)}`);
    }
  }

  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (hidden(element) && element.tagName !== 'SELECT') continue;
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) faults.push(`${describe(element)} dépasse le bord droit (${Math.round(box.right)} px pour ${width})`);
    const style = getComputedStyle(element);
    if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1) faults.push(`${describe(element)} coupe son contenu (${element.scrollWidth} px dans ${element.clientWidth})`);
    if (element instanceof HTMLSelectElement && element.selectedIndex >= 0) {
      const context = document.createElement('canvas').getContext('2d');
      if (context === null) continue;
      context.font = style.font;
      const shown = element.options[element.selectedIndex].text;
      // Chromium's arrow and inner padding take about 24 pixels.
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
      if (context.measureText(shown).width > room) faults.push(`${describe(element)} coupe « ${shown} »`);
    }
  }
  return faults;
}
