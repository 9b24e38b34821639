import {
  checkFreezes,
  checkWindows,
  gateClock,
  parseDeployWindow,
  parseFreeze,
} from '../../shared/gates/time.js'

const at = (iso: string) => new Date(iso)

describe('deploy-window', () => {
  const office = parseDeployWindow('Mon-Fri 09:00-17:00 America/Los_Angeles')

  it.each([
    ['2026-11-23T16:59:00Z', false, 'Mon 08:59 PST: one minute early'],
    ['2026-11-23T17:00:00Z', true, 'Mon 09:00 PST: the first minute'],
    ['2026-11-24T00:59:00Z', true, 'Mon 16:59 PST: the last minute'],
    ['2026-11-24T01:00:00Z', false, 'Mon 17:00 PST: the end is exclusive'],
    ['2026-11-28T18:00:00Z', false, 'Sat 10:00 PST'],
    // Daylight saving starts on Sunday 2026-03-08 in Los Angeles: 09:00 moves from 17:00Z to 16:00Z.
    ['2026-03-06T16:30:00Z', false, 'Fri 08:30 PST, before the change'],
    ['2026-03-06T17:00:00Z', true, 'Fri 09:00 PST'],
    ['2026-03-09T16:00:00Z', true, 'Mon 09:00 PDT, after the change'],
    ['2026-03-09T15:59:00Z', false, 'Mon 08:59 PDT'],
  ])('%s is open: %s (%s)', (iso, open) => {
    expect(checkWindows([office], at(iso)).open).toBe(open)
  })

  it('opens when any line matches, and says where the clock is when none does', () => {
    const windows = [office, parseDeployWindow('Sat 10:00-12:00 America/Los_Angeles')]
    expect(checkWindows(windows, at('2026-11-28T18:00:00Z'))).toEqual({
      open: true,
      reason: 'inside Sat 10:00-12:00 America/Los_Angeles',
    })
    expect(checkWindows(windows, at('2026-11-29T18:00:00Z'))).toEqual({
      open: false,
      reason:
        'Sun 10:00 America/Los_Angeles is outside Mon-Fri 09:00-17:00 America/Los_Angeles; Sat 10:00-12:00 America/Los_Angeles',
    })
    expect(checkWindows([], at('2026-11-29T18:00:00Z')).open).toBe(true)
  })

  it('runs a window past midnight into the next day', () => {
    const night = parseDeployWindow('Fri 22:00-02:00')
    expect(checkWindows([night], at('2026-11-27T23:00:00Z')).open).toBe(true)
    expect(checkWindows([night], at('2026-11-28T01:59:00Z')).open).toBe(true)
    expect(checkWindows([night], at('2026-11-28T02:00:00Z')).open).toBe(false)
    expect(checkWindows([night], at('2026-11-26T23:00:00Z')).open).toBe(false)
  })

  it('reads days as three letters or whole names, in any case', () => {
    expect([...parseDeployWindow('Monday-FRIDAY 09:00-17:00').days].sort()).toEqual([1, 2, 3, 4, 5])
    expect([...parseDeployWindow('sat,Sunday 09:00-17:00').days].sort()).toEqual([0, 6])
  })

  it('reads day lists, wrapping ranges and UTC by default', () => {
    expect([...parseDeployWindow('Fri-Mon 00:00-24:00').days].sort()).toEqual([0, 1, 5, 6])
    expect([...parseDeployWindow('mon,wed 08:00-09:00').days].sort()).toEqual([1, 3])
    expect(parseDeployWindow('* 08:00-09:00').zone).toBe('UTC')
  })

  it.each([
    ['Mon-Fri', 'is not a deploy window (example: Mon-Fri 09:00-17:00 America/Los_Angeles)'],
    ['Mon-Fry 09:00-17:00', '"Fry" is not a weekday'],
    ['Monkey-Fri 09:00-17:00', '"Monkey" is not a weekday'],
    ['Mon-Friday-ish 09:00-17:00', 'is not a deploy window'],
    ['Sundae 09:00-17:00', '"Sundae" is not a weekday'],
    ['Tues 09:00-17:00', '"Tues" is not a weekday'],
    ['Mon 9-17', '"9" is not a time of day'],
    ['Mon 09:00-25:00', '"25:00" is not a time of day'],
    ['Mon 09:00-17:00 Mars/Base', '"Mars/Base" is not an IANA time zone'],
  ])('refuses %j', (line, message) => {
    expect(() => parseDeployWindow(line)).toThrow(message)
  })
})

describe('freeze', () => {
  const holidays = parseFreeze('2026-12-20..2027-01-02 Europe/Berlin holiday freeze')

  it.each([
    ['2026-12-19T22:59:00Z', true, 'Dec 19 23:59 in Berlin'],
    ['2026-12-19T23:00:00Z', false, 'Dec 20 00:00 in Berlin: the first day'],
    ['2027-01-02T22:59:00Z', false, 'Jan 2 23:59 in Berlin: the last day'],
    ['2027-01-02T23:00:00Z', true, 'Jan 3 00:00 in Berlin'],
  ])('%s is open: %s (%s)', (iso, open) => {
    expect(checkFreezes([holidays], at(iso)).open).toBe(open)
  })

  it('says which freeze and why', () => {
    expect(checkFreezes([holidays], at('2026-12-24T12:00:00Z'))).toEqual({
      open: false,
      reason:
        '2026-12-24 Europe/Berlin is inside the freeze 2026-12-20..2027-01-02 (holiday freeze)',
    })
  })

  it('defaults to UTC, takes one day, and keeps a reason without a zone', () => {
    expect(parseFreeze('2026-11-26')).toMatchObject({
      from: '2026-11-26',
      to: '2026-11-26',
      zone: 'UTC',
    })
    expect(parseFreeze('2026-11-26..2026-11-27 Thanksgiving')).toMatchObject({
      zone: 'UTC',
      reason: 'Thanksgiving',
    })
  })

  it.each([
    ['CET', 'christmas'],
    ['EST5EDT', 'office closed'],
    ['UTC', 'year end'],
    ['GMT', 'year end'],
    ['Etc/GMT+5', 'year end'],
  ])('reads %s, an IANA zone without a continent, as the zone', (zone, reason) => {
    expect(parseFreeze(`2026-12-24..2026-12-26 ${zone} ${reason}`)).toMatchObject({
      zone,
      reason,
    })
  })

  it('reads a word in the zone database written in lowercase as the reason', () => {
    expect(parseFreeze('2026-12-24..2026-12-26 est. quarter close')).toMatchObject({
      zone: 'UTC',
      reason: 'est. quarter close',
    })
    expect(parseFreeze('2026-12-24..2026-12-26 cet christmas')).toMatchObject({
      zone: 'UTC',
      reason: 'cet christmas',
    })
  })

  it('places a CET freeze in Central European time, not UTC', () => {
    const christmas = parseFreeze('2026-12-24..2026-12-26 CET christmas')
    // 2026-12-23 23:30 UTC is already 2026-12-24 00:30 in CET.
    expect(checkFreezes([christmas], at('2026-12-23T23:30:00Z')).open).toBe(false)
  })

  it.each([
    ['2026-13-01..2026-12-31', '"2026-13-01" is not a date'],
    ['2026-02-30', '"2026-02-30" is not a date'],
    ['2027-01-02..2026-12-20', 'it ends (2026-12-20) before it starts (2027-01-02)'],
    ['2026-12-20..2027-01-02 Europe/Nowhere', '"Europe/Nowhere" is not an IANA time zone'],
  ])('refuses %j', (line, message) => {
    expect(() => parseFreeze(line)).toThrow(message)
  })
})

describe('FLIGHTDECK_NOW', () => {
  it('rehearses another moment, with an explicit offset', () => {
    expect(gateClock({ FLIGHTDECK_NOW: '2026-12-18T18:00:00+01:00' }).toISOString()).toBe(
      '2026-12-18T17:00:00.000Z',
    )
    expect(() => gateClock({ FLIGHTDECK_NOW: '2026-12-18T18:00:00' })).toThrow(
      'is not an ISO 8601 time',
    )
    expect(() => gateClock({ FLIGHTDECK_NOW: 'friday' })).toThrow('is not an ISO 8601 time')
  })
})
