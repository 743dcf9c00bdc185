import { ServiceUnavailableException, type ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from '../src/http/problem.filter.js';

/** Renders an exception through the filter into a plain record of what the client would receive. */
function render(exception: unknown) {
  const sent: { status?: number; type?: string; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const response = {
    sent: false,
    header: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(text: string) {
      sent.body = JSON.parse(text);
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/health' }), getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return sent;
}

describe('ProblemFilter', () => {
  it('keeps the HTTP status when the body has a status of its own (a failed health check)', () => {
    const sent = render(new ServiceUnavailableException({ status: 'error', info: {}, error: { projections: { status: 'down' } }, details: {} }));
    expect(sent.status).toBe(503);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toEqual(expect.objectContaining({ status: 503, code: 'SERVICE_UNAVAILABLE', error: { projections: { status: 'down' } } }));
  });

  it('hides the details of an unexpected error behind a 500 problem', () => {
    const sent = render(new Error('connection string with a password'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('password');
  });
});
