/** A failure whose message is meant for the user as it is: no stack trace, no prefix. */
export class ActionFailure extends Error {
  /** Title of the error annotation, when the failure deserves one. */
  readonly title?: string

  constructor(message: string, title?: string) {
    super(message)
    this.name = 'ActionFailure'
    this.title = title
  }
}

/** One or more inputs were invalid; nothing has been done yet. */
export class InputError extends ActionFailure {
  readonly problems: string[]

  constructor(problems: string[]) {
    super(problems.join('; '))
    this.name = 'InputError'
    this.problems = problems
  }
}

/** The message of anything thrown, never `[object Object]`. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name
  if (typeof err === 'string') return err
  try {
    return JSON.stringify(err) ?? String(err)
  } catch {
    return String(err)
  }
}
