// Imports a TypeScript module of this repository from plain Node 20, which cannot run .ts: the
// demo uses the very fakes the tests use (__tests__/fakes/github-api.ts and the files it
// imports) without a second copy of them. Each .ts file reached through relative imports is
// transpiled with the `typescript` devDependency (types stripped, nothing type-checked: tsc and
// jest check these files) into a temporary directory, and the result is imported.
//
// A transpiled file lives elsewhere than its source, so what depends on its location is pinned
// to the source: relative imports point at the transpiled file of a .ts source, or at the
// original file of a .js/.mjs one; bare imports ('graphql', '@octokit/openapi') are resolved
// from this repository's node_modules; `import.meta.url`, `import.meta.dirname` and
// `import.meta.filename` are the source's (createRequire(import.meta.url) and
// new URL('./bin/', import.meta.url) keep working).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

/** @type {string | undefined} one directory per process, removed when the process exits */
let outDir

function outputDirectory() {
  if (!outDir) {
    const dir = mkdtempSync(resolve(tmpdir(), 'flightdeck-load-ts-'))
    outDir = dir
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  }
  return outDir
}

/** Where the transpiled form of `source` goes: flat, named after the file and its full path. */
function outputPath(source) {
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 10)
  return resolve(outputDirectory(), `${basename(source).replace(/\.[mc]?ts$/, '')}-${hash}.mjs`)
}

// A relative import of `x.js` names the file `x.ts` once compiled (NodeNext resolution).
const TS_SOURCE_OF = { '.js': '.ts', '.mjs': '.mts', '.cjs': '.cts' }

/**
 * The file a relative specifier of `importer` names, and whether it is TypeScript to transpile.
 * @param {string} specifier
 * @param {string} importer absolute path of the .ts file that imports it
 * @returns {{ path: string, typescript: boolean }}
 */
function relativeTarget(specifier, importer) {
  const path = resolve(dirname(importer), specifier)
  if (/\.[mc]?ts$/.test(path) && existsSync(path)) return { path, typescript: true }
  const extension = /\.[mc]?js$/.exec(path)?.[0]
  const tsSource = extension ? path.slice(0, -extension.length) + TS_SOURCE_OF[extension] : ''
  if (tsSource && existsSync(tsSource)) return { path: tsSource, typescript: true }
  if (existsSync(path)) return { path, typescript: false }
  throw new Error(`${importer} imports ${specifier}: neither ${path} nor its .ts source exists`)
}

/**
 * The specifier the transpiled file uses instead of `specifier`; TypeScript sources it names
 * are added to `pending`.
 * @param {string} specifier
 * @param {string} importer
 * @param {string[]} pending
 */
function rewriteSpecifier(specifier, importer, pending) {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const target = relativeTarget(specifier, importer)
    if (!target.typescript) return pathToFileURL(target.path).href
    pending.push(target.path)
    return pathToFileURL(outputPath(target.path)).href
  }
  if (specifier.startsWith('node:') || specifier.startsWith('file:')) return specifier
  // Bare: resolved from this file, which shares the repository's node_modules with the source.
  return import.meta.resolve(specifier)
}

/** A transformer that applies rewriteSpecifier and pins import.meta to the source file. */
function relocate(importer, pending) {
  const meta = {
    url: pathToFileURL(importer).href,
    filename: importer,
    dirname: dirname(importer),
  }
  return (context) => {
    const { factory } = context
    const literal = (node) =>
      factory.createStringLiteral(rewriteSpecifier(node.text, importer, pending))
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          literal(node.moduleSpecifier),
          node.attributes,
        )
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        if (ts.isStringLiteral(node.moduleSpecifier)) {
          return factory.updateExportDeclaration(
            node,
            node.modifiers,
            node.isTypeOnly,
            node.exportClause,
            literal(node.moduleSpecifier),
            node.attributes,
          )
        }
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const [first, ...rest] = node.arguments
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [
          literal(first),
          ...rest.map((argument) => ts.visitNode(argument, visit)),
        ])
      }
      if (
        ts.isPropertyAccessExpression(node) &&
        ts.isMetaProperty(node.expression) &&
        node.expression.keywordToken === ts.SyntaxKind.ImportKeyword &&
        Object.hasOwn(meta, node.name.text)
      ) {
        return factory.createStringLiteral(meta[node.name.text])
      }
      return ts.visitEachChild(node, visit, context)
    }
    return (sourceFile) => ts.visitNode(sourceFile, visit)
  }
}

/** @type {Map<string, string>} source path → transpiled path, for this process */
const transpiled = new Map()

/** Transpiles `source` and every TypeScript file it reaches; returns the transpiled entry. */
function transpileTree(source) {
  const pending = [source]
  while (pending.length > 0) {
    const path = /** @type {string} */ (pending.pop())
    if (transpiled.has(path)) continue
    const output = outputPath(path)
    transpiled.set(path, output)
    const result = ts.transpileModule(readFileSync(path, 'utf8'), {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        sourceMap: false,
      },
      transformers: { before: [relocate(path, pending)] },
    })
    const errors = (result.diagnostics ?? []).filter(
      (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
    )
    if (errors.length > 0) {
      const messages = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      throw new Error(`cannot transpile ${path}: ${messages.join('; ')}`)
    }
    mkdirSync(dirname(output), { recursive: true })
    writeFileSync(output, result.outputText)
  }
  return /** @type {string} */ (transpiled.get(source))
}

/**
 * Imports a TypeScript module (and the TypeScript modules it imports) as Node would if it ran
 * .ts files.
 * @param {string | URL} file absolute path or file URL of the .ts module
 * @returns {Promise<any>} the module's namespace
 */
export async function importTypeScript(file) {
  const source = file instanceof URL || file.startsWith('file:') ? fileURLToPath(file) : file
  return import(pathToFileURL(transpileTree(resolve(source))).href)
}
