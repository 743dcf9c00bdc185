import { Controller, Get, Inject, NotFoundException, Param, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '#access';
import type { DashboardFile } from './dashboard-files.js';

export const DASHBOARD_FILES = Symbol('DASHBOARD_FILES');

/**
 * The dashboard's pages and assets (SPEC §10), public like any static page: the data behind them needs a session.
 * Page HTML is revalidated on every load; assets carry a content hash in their names and are cached for a year.
 */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class DashboardController {
  constructor(@Inject(DASHBOARD_FILES) private readonly files: Map<string, DashboardFile> | null) {}

  @Get()
  root(@Res() reply: FastifyReply): void {
    void reply.redirect('/ui/', 302);
  }

  @Get('ui')
  landscape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.send('index.html', request, reply);
  }

  @Get('ui/practices')
  practiceSearch(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.send('practice.html', request, reply);
  }

  @Get('ui/practices/:ods')
  practice(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.send('practice.html', request, reply);
  }

  @Get('ui/changes')
  changes(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.send('changes.html', request, reply);
  }

  @Get('ui/assets/:file')
  asset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.send(`assets/${file}`, request, reply);
  }

  private send(name: string, request: FastifyRequest, reply: FastifyReply): void {
    if (!this.files) {
      throw new ServiceUnavailableException({
        title: 'Dashboard not built',
        detail: 'run npm run build to build the dashboard',
        code: 'DASHBOARD_NOT_BUILT',
      });
    }
    const file = this.files.get(name);
    if (!file) throw new NotFoundException({ title: 'Not found', detail: `no dashboard file ${name}`, code: 'NOT_FOUND' });
    const immutable = name.startsWith('assets/');
    reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    reply.header('ETag', file.etag);
    reply.header('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === file.etag) {
      void reply.status(304).send();
      return;
    }
    reply.type(file.type);
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      void reply.header('Content-Encoding', 'gzip').send(file.gzipped);
    } else {
      void reply.send(file.body);
    }
  }
}
