import type { Params } from 'nestjs-pino';

/** JSON logs (pino); pretty enough on a terminal to read, quiet in tests. */
export function loggerOptions(env: NodeJS.ProcessEnv = process.env): Params {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  return {
    pinoHttp: {
      level,
      // Health probes arrive every few seconds; logging each would drown the useful lines.
      autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
      customProps: (request) => ({ correlationId: request.headers['x-correlation-id'] }),
      serializers: { req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }) },
    },
  };
}
