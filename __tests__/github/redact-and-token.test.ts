import {
  deploymentDescription,
  environmentUrl,
  redactPayload,
  redactText,
} from '../../shared/github/redact.js'
import { githubTokenInput } from '../../shared/github/token.js'

describe('githubTokenInput', () => {
  it.each(['${{ github.token }}', '${{secrets.GITHUB_TOKEN}}', '  ${{ github.token }}  '])(
    'treats the unexpanded expression %p as missing, with a warning',
    (value) => {
      const warnings: string[] = []
      expect(githubTokenInput(value, 'github-token', (m) => warnings.push(m))).toBeUndefined()
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/^`github-token` is the unexpanded expression \$\{\{.*\}\}: /)
    },
  )

  it('passes a real token through and treats an empty one as missing, silently', () => {
    const warnings: string[] = []
    const warn = (m: string) => warnings.push(m)
    expect(githubTokenInput('ghs_abc123', 'github-token', warn)).toBe('ghs_abc123')
    expect(githubTokenInput('', 'github-token', warn)).toBeUndefined()
    expect(githubTokenInput(undefined, 'github-token', warn)).toBeUndefined()
    expect(warnings).toEqual([])
  })
})

describe('what is sent to GitHub', () => {
  it('takes credentials out of free text', () => {
    expect(
      redactText('git clone https://x-access-token:ghs_abc@github.com/a/b failed', ['hunter2x']),
    ).toBe('git clone https://github.com/a/b failed')
    expect(
      redactText('GET https://app.example/h?token=t0k&v=1: 503 (hunter2x)', ['hunter2x']),
    ).toBe('GET https://app.example/h?token=***&v=1: 503 (***)')
  })

  it('cuts descriptions at 140 characters without splitting a character', () => {
    const text = `${'é'.repeat(100)}${'🚀'.repeat(60)}`
    const description = deploymentDescription(text)
    expect(Array.from(description)).toHaveLength(140)
    expect(description.endsWith('🚀…')).toBe(true)
    expect(deploymentDescription('line one\n  line two')).toBe('line one line two')
  })

  it('publishes only clean http(s) environment URLs', () => {
    expect(environmentUrl('https://u:p@app.example/x?api_key=1&page=2')).toBe(
      'https://app.example/x?page=2',
    )
    expect(environmentUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(environmentUrl('javascript:alert(1)')).toBeUndefined()
    expect(environmentUrl('https://app.example/s3cr3tpath', ['s3cr3tpath'])).toBeUndefined()
    expect(environmentUrl('')).toBeUndefined()
  })

  it('cleans every string of a payload', () => {
    expect(
      redactPayload({ a: ['https://u:p@h.example/', 'tok_12345'], n: 1 }, ['tok_12345']),
    ).toEqual({
      a: ['https://h.example/', '***'],
      n: 1,
    })
  })
})
