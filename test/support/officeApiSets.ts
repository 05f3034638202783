/**
 * Which office.js members a piece of code uses, and the requirement set each one belongs to, read
 * from the `[Api set: ExcelApi x.y]` annotations of @types/office-js (issue 13 §4).
 *
 * Two ways a member is used, both found with TypeScript's checker:
 * - directly: a property, method or function of office.js's declarations, named in the code
 *   (`Excel.run`, `Office.context.requirements.isSetSupported`), or a property of an object
 *   literal that office.js receives (`Excel.run({ delayForCellEdit: true }, …)`);
 * - through a slice: the adapter is written against its own interfaces (src/excel/officeApi.ts),
 *   and `officeTypesConform(context: Excel.RequestContext): XlContext` makes the compiler check
 *   that office.js fits them. Every member of the slice is matched with the office.js member it
 *   stands for, following properties, array elements, method parameters and results.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const OFFICE_TYPES = path.join('node_modules', '@types', 'office-js', 'index.d.ts');
/** The name of a slice's conformance function (src/excel/officeApi.ts). */
const CONFORMANCE_FUNCTION = 'officeTypesConform';

export interface OfficeMember {
  /** "Excel.Worksheet.getRanges", "Office.Document.url". */
  name: string;
  /** The annotation's text ("ExcelApi 1.9"), or null when office.js's types give none (the Common API's base, `load`…). */
  apiSet: string | null;
  /** Where a file of the code uses it first ("src/excel/officeApi.ts:56"). */
  usedAt: string;
}

/**
 * The office.js members used by the program made of `rootFiles` and everything they import, once
 * for each file that uses them (one program, so one costly reading of office.js's types, can serve
 * several questions).
 */
export function officeMembersUsed(rootFiles: string[], root: string): OfficeMember[] {
  const program = ts.createProgram(rootFiles, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'],
    types: ['office-js'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, OfficeMember>();
  // Compared as real paths: TypeScript resolves symbolic links (a worktree's node_modules may be one).
  const officeTypes = fs.realpathSync(path.join(root, OFFICE_TYPES));
  const isOffice = (declaration: ts.Declaration) => path.resolve(declaration.getSourceFile().fileName) === officeTypes;

  function record(declarations: readonly ts.Declaration[] | undefined, at: ts.Node): void {
    for (const declaration of declarations ?? []) {
      if (!isOffice(declaration)) continue;
      const name = memberName(declaration);
      const source = at.getSourceFile();
      const file = path.relative(root, source.fileName);
      if (found.has(`${name} ${file}`)) continue;
      const { line } = source.getLineAndCharacterOfPosition(at.getStart());
      found.set(`${name} ${file}`, { name, apiSet: apiSetOf(declaration), usedAt: `${file}:${line + 1}` });
    }
  }

  // Direct uses.
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !path.resolve(source.fileName).startsWith(root + path.sep) || source.fileName.includes('node_modules')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
        const signature = call === undefined ? undefined : checker.getResolvedSignature(call)?.declaration;
        record(signature !== undefined && !ts.isJSDocSignature(signature) ? [signature] : checker.getSymbolAtLocation(node.name)?.declarations, node.name);
      } else if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        if (contextual !== undefined) {
          for (const property of node.properties) {
            if (property.name !== undefined && ts.isIdentifier(property.name)) record(checker.getPropertyOfType(checker.getNonNullableType(contextual), property.name.text)?.declarations, property.name);
          }
        }
      } else if (ts.isFunctionDeclaration(node) && node.name?.text === CONFORMANCE_FUNCTION && node.parameters.length === 1) {
        const signature = checker.getSignatureFromDeclaration(node);
        if (signature !== undefined) {
          const office = checker.getTypeAtLocation(node.parameters[0]);
          matchSlice(checker, checker.getReturnTypeOfSignature(signature), office, node, record, new Set());
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.usedAt.localeCompare(b.usedAt));
}

/** Matches each member of the slice's type with office.js's member of the same name, and goes on into their types. */
function matchSlice(
  checker: ts.TypeChecker,
  slice: ts.Type,
  office: ts.Type,
  at: ts.Node,
  record: (declarations: readonly ts.Declaration[] | undefined, at: ts.Node) => void,
  seen: Set<string>,
): void {
  slice = checker.getNonNullableType(slice);
  office = checker.getNonNullableType(office);
  const key = `${checker.typeToString(slice)} ⇐ ${checker.typeToString(office)}`;
  const objectLike = ts.TypeFlags.Object | ts.TypeFlags.Intersection;
  if (seen.has(key) || !(slice.flags & objectLike) || !(office.flags & objectLike)) return;
  seen.add(key);
  if (checker.isArrayType(slice) && checker.isArrayType(office)) {
    matchSlice(checker, checker.getTypeArguments(slice as ts.TypeReference)[0], checker.getTypeArguments(office as ts.TypeReference)[0], at, record, seen);
    return;
  }
  if (!ownType(slice)) return;
  for (const member of slice.getProperties()) {
    const officeMember = checker.getPropertyOfType(office, member.name);
    if (officeMember === undefined) continue; // The conformance function would not compile: tsc reports it.
    const declaration = member.declarations?.[0] ?? at;
    record(officeMember.declarations, declaration);
    const sliceType = checker.getTypeOfSymbolAtLocation(member, declaration);
    const officeType = checker.getTypeOfSymbol(officeMember);
    const sliceSignatures = checker.getNonNullableType(sliceType).getCallSignatures();
    if (sliceSignatures.length === 0) {
      matchSlice(checker, sliceType, officeType, declaration, record, seen);
      continue;
    }
    for (const sliceSignature of sliceSignatures) {
      for (const officeSignature of checker.getNonNullableType(officeType).getCallSignatures()) {
        matchSlice(checker, sliceSignature.getReturnType(), officeSignature.getReturnType(), declaration, record, seen);
        sliceSignature.getParameters().forEach((parameter, i) => {
          const officeParameter = officeSignature.getParameters()[i];
          if (officeParameter !== undefined) matchSlice(checker, checker.getTypeOfSymbol(parameter), checker.getTypeOfSymbol(officeParameter), declaration, record, seen);
        });
      }
    }
  }
}

/** A type the slice declares itself (an interface, a type literal, an intersection with one): not Promise, not the standard library's. */
function ownType(type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.some(ownType);
  return (type.getSymbol()?.declarations ?? []).some((declaration) => !declaration.getSourceFile().isDeclarationFile);
}

/** "Excel.Worksheet.getRanges": the namespaces, the class or interface, the member. */
function memberName(declaration: ts.Declaration): string {
  const parts: string[] = [];
  for (let node: ts.Node | undefined = declaration; node !== undefined && !ts.isSourceFile(node); node = node.parent) {
    const name = (node as ts.NamedDeclaration).name;
    if (name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
  }
  return parts.join('.');
}

/** The text of the declaration's `[Api set: …]` annotation, or null. */
function apiSetOf(declaration: ts.Declaration): string | null {
  const comments = ts.getJSDocCommentsAndTags(declaration).map((doc) => doc.getText()).join('\n');
  return /\[Api set: ([^\]]+)\]/.exec(comments)?.[1].trim() ?? null;
}

/**
 * Whether a member's annotation is within what the manifest requires: no annotation, or ExcelApi
 * with every version it names at most `maxVersion` (an annotation such as « ExcelApi 1.1 for get,
 * 1.4 for set » counts as its highest version; « Preview » is above every version).
 */
export function withinExcelApi(apiSet: string | null, maxVersion: string): boolean {
  if (apiSet === null) return true;
  if (!/^ExcelApi\s/.test(apiSet) || /preview|beta/i.test(apiSet)) return false;
  const versions = [...apiSet.matchAll(/\b(\d+)\.(\d+)\b/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const [maxMajor, maxMinor] = maxVersion.split('.').map(Number);
  return versions.length > 0 && versions.every(([major, minor]) => major < maxMajor || (major === maxMajor && minor <= maxMinor));
}
