/** National-style practice histories from the demo generator, for property tests of the practices' domain. */
import type { TimelineEvent } from '#practices';
import { generateDemoHistory } from '../../src/demo-generator.js';
import { generatePracticeOutlines } from '../../src/generated-practices.js';

/** Each generated practice's stream in version order (corrections, retractions, closures and merges among them). */
export async function generatedHistories(seed: number, practices: number, toDate: string): Promise<TimelineEvent[][]> {
  const histories: TimelineEvent[][] = [];
  const outlines = generatePracticeOutlines(seed, practices, '2004-04-01');
  for await (const chunk of generateDemoHistory(outlines, { seed, fromYear: 2004, toDate, keepTimelines: true })) {
    for (const practice of chunk.timelines?.values() ?? []) histories.push([...practice.timeline()]);
  }
  return histories;
}
