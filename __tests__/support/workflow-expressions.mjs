// The expression language of workflow files (`${{ … }}`), as far as the workflow runner
// (workflow-runner.mjs) supports it: tokenizer, parser to an Expr tree, and the helpers that
// show a tree back as text and tell whether it calls a status function. Evaluating a tree
// needs the run's contexts and stays in the runner.

/** A mistake in a workflow (or in what the run was given): the run stops with this. */
export class WorkflowError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message)
    this.name = 'WorkflowError'
  }
}

/**
 * @typedef {{ type: 'literal', value: unknown }
 *   | { type: 'path', root: string, keys: Array<Expr> }
 *   | { type: 'call', name: string, args: Expr[] }
 *   | { type: 'member', object: Expr, keys: Expr[] }
 *   | { type: 'not', operand: Expr }
 *   | { type: 'and' | 'or', left: Expr, right: Expr }
 *   | { type: 'compare', op: string, left: Expr, right: Expr }} Expr
 */

const FUNCTIONS = new Set([
  'success',
  'failure',
  'always',
  'cancelled',
  'contains',
  'startswith',
  'endswith',
  'format',
  'join',
  'tojson',
  'fromjson',
])
const CONTEXTS = new Set([
  'inputs',
  'secrets',
  'env',
  'vars',
  'github',
  'steps',
  'needs',
  'job',
  'runner',
  'jobs',
  'strategy',
  'matrix',
])

/** @type {Map<string, Expr>} */
const parsed = new Map()

/** A value that is one `${{ … }}` and nothing else. */
export const LONE_EXPRESSION = /^\s*\$\{\{((?:(?!\}\})[\s\S])*)\}\}\s*$/

/**
 * Parses the supported subset of GitHub's expression language.
 * @param {string} text
 * @param {string} where
 * @returns {Expr}
 */
export function parseExpression(text, where = 'expression') {
  const cached = parsed.get(text)
  if (cached) return cached
  const tokens = tokenize(text, where)
  let at = 0
  const fail = (/** @type {string} */ why) => {
    throw new WorkflowError(`${where}: cannot evaluate \${{ ${text} }}: ${why}`)
  }
  const peek = () => tokens[at]
  const take = () => tokens[at++]
  const expect = (/** @type {string} */ value) => {
    const token = take()
    if (token?.value !== value) fail(`expected ${value}, found ${token ? token.value : 'the end'}`)
  }
  /** @returns {Expr} */
  const or = () => {
    let left = and()
    while (peek()?.value === '||') {
      take()
      left = { type: 'or', left, right: and() }
    }
    return left
  }
  /** @returns {Expr} */
  const and = () => {
    let left = compare()
    while (peek()?.value === '&&') {
      take()
      left = { type: 'and', left, right: compare() }
    }
    return left
  }
  /** @returns {Expr} */
  const compare = () => {
    let left = unary()
    while (['==', '!=', '<', '<=', '>', '>='].includes(String(peek()?.value))) {
      const op = String(take()?.value)
      left = { type: 'compare', op, left, right: unary() }
    }
    return left
  }
  /** @returns {Expr} */
  const unary = () => {
    if (peek()?.value === '!') {
      take()
      return { type: 'not', operand: unary() }
    }
    return primary()
  }
  /** @returns {Expr} */
  const primary = () => {
    const token = take()
    if (!token) return fail('it ends too early')
    if (token.kind === 'string' || token.kind === 'number')
      return { type: 'literal', value: token.value }
    if (token.value === '(') {
      const inner = or()
      expect(')')
      return inner
    }
    if (token.kind !== 'word') return fail(`unexpected ${token.value}`)
    const word = String(token.value)
    if (word === 'true' || word === 'false') return { type: 'literal', value: word === 'true' }
    if (word === 'null') return { type: 'literal', value: null }
    if (peek()?.value === '(') {
      take()
      const name = word.toLowerCase()
      if (!FUNCTIONS.has(name)) fail(`function ${word}() is not supported by the workflow runner`)
      /** @type {Expr[]} */
      const args = []
      if (peek()?.value !== ')') {
        args.push(or())
        while (peek()?.value === ',') {
          take()
          args.push(or())
        }
      }
      expect(')')
      /** @type {Expr} */
      const call = { type: 'call', name, args }
      /** @type {Expr[]} */
      const members = pathKeys()
      return members.length ? { type: 'member', object: call, keys: members } : call
    }
    if (!CONTEXTS.has(word)) fail(`unknown context ${word}`)
    return { type: 'path', root: word, keys: pathKeys() }
  }
  /** `.name` and `[expression]` after a context or a call. */
  const pathKeys = () => {
    /** @type {Expr[]} */
    const keys = []
    for (;;) {
      if (peek()?.value === '.') {
        take()
        const key = take()
        if (key?.kind !== 'word') fail('a name must follow "."')
        keys.push({ type: 'literal', value: String(key?.value) })
      } else if (peek()?.value === '[') {
        take()
        if (peek()?.value === '*') fail('the * filter is not supported by the workflow runner')
        keys.push(or())
        expect(']')
      } else break
    }
    return keys
  }
  const ast = or()
  if (at < tokens.length) fail(`unexpected ${tokens[at]?.value}`)
  parsed.set(text, ast)
  return ast
}

/**
 * @param {string} text
 * @param {string} where
 * @returns {Array<{ kind: 'string' | 'number' | 'word' | 'op', value: string | number }>}
 */
function tokenize(text, where) {
  /** @type {Array<{ kind: 'string' | 'number' | 'word' | 'op', value: string | number }>} */
  const tokens = []
  let i = 0
  while (i < text.length) {
    const rest = text.slice(i)
    const space = /^\s+/.exec(rest)
    if (space) {
      i += space[0].length
      continue
    }
    if (rest[0] === "'") {
      let value = ''
      let j = 1
      for (;;) {
        if (j >= rest.length) {
          throw new WorkflowError(`${where}: cannot evaluate \${{ ${text} }}: unterminated string`)
        }
        if (rest[j] === "'") {
          if (rest[j + 1] === "'") {
            value += "'"
            j += 2
            continue
          }
          break
        }
        value += rest[j]
        j++
      }
      tokens.push({ kind: 'string', value })
      i += j + 1
      continue
    }
    const number = /^-?(?:0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(rest)
    if (number && !/^[\w-]/.test(rest.slice(number[0].length))) {
      tokens.push({ kind: 'number', value: Number(number[0]) })
      i += number[0].length
      continue
    }
    const word = /^[A-Za-z_][\w-]*/.exec(rest)
    if (word) {
      tokens.push({ kind: 'word', value: word[0] })
      i += word[0].length
      continue
    }
    const op = /^(?:==|!=|<=|>=|&&|\|\||[!<>()[\].,*])/.exec(rest)
    if (op) {
      tokens.push({ kind: 'op', value: op[0] })
      i += op[0].length
      continue
    }
    throw new WorkflowError(`${where}: cannot evaluate \${{ ${text} }}: unexpected ${rest[0]}`)
  }
  return tokens
}

/**
 * An expression as text again, for error messages.
 * @param {Expr} ast
 * @returns {string}
 */
export function show(ast) {
  switch (ast.type) {
    case 'literal':
      return typeof ast.value === 'string'
        ? `'${ast.value.replace(/'/g, "''")}'`
        : String(ast.value)
    case 'path':
      return [
        ast.root,
        ...ast.keys.map((key) =>
          key.type === 'literal' && /^[A-Za-z_][\w-]*$/.test(String(key.value))
            ? `.${key.value}`
            : `[${show(key)}]`,
        ),
      ].join('')
    case 'call':
      return `${ast.name}(${ast.args.map(show).join(', ')})`
    case 'member':
      return `${show(ast.object)}${ast.keys.map((key) => `[${show(key)}]`).join('')}`
    case 'not':
      return `!${show(ast.operand)}`
    case 'and':
      return `${show(ast.left)} && ${show(ast.right)}`
    case 'or':
      return `${show(ast.left)} || ${show(ast.right)}`
    default:
      return `${show(ast.left)} ${ast.op} ${show(ast.right)}`
  }
}

/** @param {Expr} ast @returns {boolean} */
export function usesStatusFunction(ast) {
  switch (ast.type) {
    case 'call':
      return (
        ['success', 'failure', 'always', 'cancelled'].includes(ast.name) ||
        ast.args.some(usesStatusFunction)
      )
    case 'not':
      return usesStatusFunction(ast.operand)
    case 'and':
    case 'or':
    case 'compare':
      return usesStatusFunction(ast.left) || usesStatusFunction(ast.right)
    case 'path':
      return ast.keys.some(usesStatusFunction)
    case 'member':
      return usesStatusFunction(ast.object) || ast.keys.some(usesStatusFunction)
    default:
      return false
  }
}
