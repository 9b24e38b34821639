// The tests' runner-log oracle (__tests__/support/runner-log.mjs) must read output as the runner does
// (actions/runner ActionCommand.cs TryParseV2/TryParse, ActionCommandManager), or the hostile
// tests prove nothing. Each case is a rule of that source.
import { runnerCommands } from '../support/runner-log.mjs'

const names = (output: string) => runnerCommands(output).commands.map((command) => command.name)

describe('the runner-log oracle reads output as the runner does', () => {
  it('reads ::name:: after .NET white space, NEXT LINE and NO-BREAK SPACE included', () => {
    expect(names('\u0085::error::a\n\u00a0::warning::b\n\u3000\t ::notice::c')).toEqual([
      'error',
      'warning',
      'notice',
    ])
    // U+FEFF and U+200B are not white space to .NET; `::` must then start the line.
    expect(names('\ufeff::error::a\n\u200b::error::b\nx ::error::c')).toEqual([])
  })

  it('reads ##[name] anywhere in a line, and only when ::name:: did not match', () => {
    expect(names('deploy output ##[error]x')).toEqual(['error'])
    expect(names('::not-registered::##[warning]x')).toEqual(['warning'])
    const [own] = runnerCommands('::error::failed: ##[warning]x').commands
    expect(own).toMatchObject({ name: 'error', message: 'failed: ##[warning]x' })
  })

  it('counts only registered names, compared without regard to case', () => {
    expect(names('::pwned::x\n##[section]y\n::ERROR::z\n##[Add-Mask]w')).toEqual([
      'ERROR',
      'Add-Mask',
    ])
  })

  it('ends lines at CR as .NET ReadLine does', () => {
    expect(names('progress 10%\r::error::x')).toEqual(['error'])
  })

  it('unescapes data and properties as the runner does (ordinal, in its order)', () => {
    const [v2] = runnerCommands('::error title=a%3Ab%2Cc%250A::d%0Ae%253A').commands
    expect(v2).toMatchObject({ properties: { title: 'a:b,c%0A' }, message: 'd\ne%3A' })
    const [v1] = runnerCommands('x ##[warning file=a%5Db;line=3]m%3Bn%0a').commands
    expect(v1).toMatchObject({ properties: { file: 'a]b', line: '3' }, message: 'm;n%0a' })
  })

  it('pauses on stop-commands until its token comes back, in either form and any case', () => {
    const output = [
      'x ##[stop-commands]Tok-1',
      '::error::not carried out',
      '::tok-1::',
      '::error::carried out',
      '\u0085::stop-commands::tok-2',
      '::warning::not carried out',
      'resume here ##[TOK-2]',
      '::notice::carried out',
    ].join('\n')
    const { commands, stops, text } = runnerCommands(output)
    expect(commands.map((command) => command.message)).toEqual(['carried out', 'carried out'])
    expect(stops.map((command) => command.message)).toEqual(['Tok-1', 'tok-2'])
    expect(text).toEqual(['::error::not carried out', '::warning::not carried out'])
  })

  it('does not resume on the token quoted inside a registered command', () => {
    const output = '::stop-commands::tok\n::error::##[tok]\n::error::still paused'
    expect(names(output)).toEqual([])
  })
})
