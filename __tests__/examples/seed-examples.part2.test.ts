// Part 2 of 2 of the consumer examples run end to end (see seed-examples.ts): two files, so
// that jest's two workers share the slowest runs of the suite.
import { testSeedExamples } from './seed-examples.js'

testSeedExamples(1, 2)
