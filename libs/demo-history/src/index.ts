export * from './seed-demo.js';
export { generateDemoHistory, type DemoGenerationOptions, type StreamReader } from './demo-generator.js';
export { generatePracticeOutlines } from './generated-practices.js';
export type { PracticeOutline, CommissionerSpell } from './practice-outline.js';
export type { GeneratedChunk, AtomicGroup } from './chunk-generator.js';
export { PracticeHistory } from './practice-history.js';
export { SeededRandom } from './seeded-random.js';
