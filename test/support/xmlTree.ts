/**
 * A small namespace-aware XML tree (saxes underneath) for reading manifests in tests: elements
 * with their namespace URI, local name, attributes and text, in document order.
 */
import { SaxesParser } from 'saxes';

export interface XmlNode {
  uri: string;
  local: string;
  attributes: Map<string, { uri: string; local: string; value: string }>;
  children: XmlNode[];
  text: string;
}

export function parseXmlTree(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, { uri: string; local: string; value: string }>();
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes.set(name, { uri: attribute.uri, local: attribute.local, value: attribute.value });
    }
    const node: XmlNode = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The value of the attribute with this local name and no namespace (or the given one). */
export function attribute(node: XmlNode, local: string, uri = ''): string | undefined {
  for (const candidate of node.attributes.values()) {
    if (candidate.local === local && candidate.uri === uri) return candidate.value;
  }
  return undefined;
}

/** Every descendant (not the node itself), depth first, in document order. */
export function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

export function child(node: XmlNode, local: string): XmlNode {
  const found = node.children.find((candidate) => candidate.local === local);
  if (!found) throw new Error(`<${node.local}> has no <${local}>`);
  return found;
}
