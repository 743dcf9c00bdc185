import http from 'node:http';

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
  /** From sending the request to the end of the response body. */
  readonly ms: number;
}

/**
 * One HTTP client with its own keep-alive connection (node:http, no framework on the load side: on a 2-core machine
 * every cycle the client spends is taken from the API and the database).
 */
export class KeepAliveClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: URL,
    private readonly authorization?: string,
  ) {}

  get(path: string): Promise<HttpResponse> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown): Promise<HttpResponse> {
    return this.request('POST', path, JSON.stringify(body));
  }

  close(): void {
    this.agent.destroy();
  }

  private request(method: string, path: string, body?: string): Promise<HttpResponse> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.baseUrl.hostname,
          port: this.baseUrl.port,
          path,
          method,
          agent: this.agent,
          headers: {
            ...(this.authorization ? { authorization: this.authorization } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }),
          );
          response.on('error', reject);
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${path} timed out after 30 s`)));
      request.on('error', reject);
      request.end(body);
    });
  }
}
