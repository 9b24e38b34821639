import { clip, oneLine } from '../../shared/text.js'

describe('oneLine and clip', () => {
  it('turns every line break and control character, with the space around it, into one space', () => {
    // U+0085 is a line break to the runner (.NET): it must not survive into a log line.
    expect(oneLine('a \r\n  b\u2028c\u0007d\u0085::stop-commands::x\t y ')).toBe(
      'a b c d ::stop-commands::x y',
    )
    expect(oneLine('keeps  inner  spacing')).toBe('keeps  inner  spacing')
  })

  it('clips to the length with an ellipsis, never splitting a surrogate pair', () => {
    expect(clip('abcdef', 6)).toBe('abcdef')
    expect(clip('abc😀def', 5)).toBe('abc…')
    expect(clip('abcdef', 4)).toBe('abc…')
  })
})
