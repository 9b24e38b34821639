import * as core from '../runner-protocol.js'

// `${{ github.token }}`, `${{ secrets.X }}`: what an action.yml default or a workflow value
// looks like before the runner expands it.
const UNEXPANDED_EXPRESSION = /\$\{\{[\s\S]*?\}\}/

/**
 * A GitHub token as an action may use it: undefined when empty, and undefined (with a
 * warning) when it arrived as an unexpanded `${{ … }}` expression. Runners always expand
 * expressions, but `@github/local-action` and other local runners pass action.yml defaults
 * such as `${{ github.token }}` through literally; sending that to GitHub as a token only buys
 * a 401 that reads like a permissions problem. `parseInputs` already reads such an input as
 * not given; this covers a token from anywhere else (an environment variable, a value read
 * without parseInputs), so every caller of the GitHub API decides the same way.
 */
export function githubTokenInput(
  value: string | undefined,
  inputName = 'github-token',
  warn: (message: string) => void = (message) => core.warning(message),
): string | undefined {
  const token = value?.trim()
  if (!token) return undefined
  if (UNEXPANDED_EXPRESSION.test(token)) {
    warn(
      `\`${inputName}\` is the unexpanded expression ${token.match(UNEXPANDED_EXPRESSION)?.[0] ?? ''}: nothing expanded it (a local runner passes action.yml defaults as they are), so it is treated as missing. Pass a token explicitly to use the GitHub API.`,
    )
    return undefined
  }
  return token
}
