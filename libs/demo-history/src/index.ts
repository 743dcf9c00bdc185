export * from './seed-demo.js';
export { generateDemoHistory, generationSettings, chunkByArea, type DemoGenerationOptions, type StreamReader } from './demo-generator.js';
export { generatePracticeOutlines } from './generated-practices.js';
export type { PracticeOutline, CommissionerSpell } from './practice-outline.js';
export type { GeneratedChunk, AtomicGroup } from './chunk-generator.js';
export { PracticeHistory } from './practice-history.js';
export { readRecordedPractices, SEEDED_BY } from './recorded-practices.js';
export { SeededRandom, seededUuid } from './seeded-random.js';
