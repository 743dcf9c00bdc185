import type request from 'supertest';

/** One answer as a client saw it: its status (0 for a cut connection), Retry-After, written event, time taken. */
export interface Answer {
  readonly at: number;
  readonly status: number;
  readonly code?: string;
  readonly retryAfter?: string;
  readonly eventId?: string;
  readonly position?: string;
  readonly ms: number;
}

export interface Writers {
  readonly answers: Answer[];
  stop(): Promise<void>;
}

/**
 * `count` clients writing one after another, each to its own practice, until stopped: as an operator's retrying
 * integration would, but without retrying, so that every answer is counted.
 */
export function startWriters(http: () => ReturnType<typeof request>, odsCodes: readonly string[]): Writers {
  const answers: Answer[] = [];
  let running = true;
  const loops = odsCodes.map(async (odsCode, writer) => {
    for (let i = 0; running; i++) {
      const started = Date.now();
      try {
        const res = await http()
          .post(`/practices/${odsCode}/list-size`)
          .send({ registeredPatients: writer * 100_000 + i, effectiveDate: '2015-01-01' });
        answers.push({
          at: started,
          status: res.status,
          code: res.body?.code,
          retryAfter: res.headers['retry-after'],
          eventId: res.body?.eventId,
          position: res.body?.position,
          ms: Date.now() - started,
        });
      } catch {
        answers.push({ at: started, status: 0, ms: Date.now() - started });
      }
    }
  });
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export function byStatus(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status === 0 ? 'cut' : a.code && a.status >= 400 ? `${a.status} ${a.code}` : String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
