// Reading TypeScript source with the compiler API, for checks on code that only runs inside Electron
// (whose binary cannot start on the build machines): what is called, with which arguments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Parses a file of the repository, or `text` as if it were that file. */
export function parse(file: string, text?: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    text ?? readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

/** Every node of the tree, depth first. */
export function nodes(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    out.push(node);
    node.forEachChild(visit);
  };
  visit(root);
  return out;
}

/** Calls of a method by name (`x.y.setWindowOpenHandler(…)`), with their receiver's text. */
export function methodCalls(
  source: ts.SourceFile,
  method: string,
): { receiver: string; args: readonly ts.Expression[]; call: ts.CallExpression }[] {
  return nodes(source)
    .filter(
      (n): n is ts.CallExpression =>
        ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === method,
    )
    .map((call) => ({
      receiver: (call.expression as ts.PropertyAccessExpression).expression.getText(source),
      args: call.arguments,
      call,
    }));
}

/** The text of a node with all whitespace removed, for comparing small expressions exactly. */
export function compact(node: ts.Node, source: ts.SourceFile): string {
  return node.getText(source).replace(/\s+/g, '');
}

/** `x.on('event', handler)` calls for one event name. */
export function listeners(
  source: ts.SourceFile,
  event: string,
): { receiver: string; handler: ts.Expression | undefined }[] {
  return methodCalls(source, 'on')
    .filter((c) => c.args[0] !== undefined && ts.isStringLiteral(c.args[0]) && c.args[0].text === event)
    .map((c) => ({ receiver: c.receiver, handler: c.args[1] }));
}

/** A handler given by name is looked up to the function it is initialised with, in the same file. */
export function resolveFunction(
  source: ts.SourceFile,
  expression: ts.Expression | undefined,
): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (!expression) return undefined;
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return expression;
  if (!ts.isIdentifier(expression)) return undefined;
  const declaration = nodes(source).find(
    (n): n is ts.VariableDeclaration =>
      ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === expression.text,
  );
  const init = declaration?.initializer;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** Names of the functions and methods a node calls anywhere inside it (`a.b.c()` → "c"). */
export function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  for (const n of nodes(node)) {
    if (!ts.isCallExpression(n)) continue;
    if (ts.isIdentifier(n.expression)) names.add(n.expression.text);
    else if (ts.isPropertyAccessExpression(n.expression)) names.add(n.expression.name.text);
  }
  return names;
}

/** Every module a file names: imports, re-exports, `import()` and `require()`, each marked when it is types only. */
export function moduleImports(source: ts.SourceFile): { specifier: string; typeOnly: boolean }[] {
  const out: { specifier: string; typeOnly: boolean }[] = [];
  for (const n of nodes(source)) {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const clause = n.importClause;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(
        clause?.isTypeOnly || (clause && !clause.name && named && named.length > 0 && named.every((e) => e.isTypeOnly)),
      );
      out.push({ specifier: n.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push({ specifier: n.moduleSpecifier.text, typeOnly: n.isTypeOnly });
    } else if (
      ts.isImportEqualsDeclaration(n) &&
      ts.isExternalModuleReference(n.moduleReference) &&
      ts.isStringLiteral(n.moduleReference.expression)
    ) {
      out.push({ specifier: n.moduleReference.expression.text, typeOnly: n.isTypeOnly });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      out.push({ specifier: n.argument.literal.text, typeOnly: true });
    } else if (ts.isCallExpression(n) && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0])) {
      const dynamic = n.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(n.expression) && n.expression.text === 'require';
      if (dynamic || required) out.push({ specifier: n.arguments[0].text, typeOnly: false });
    }
  }
  return out;
}
