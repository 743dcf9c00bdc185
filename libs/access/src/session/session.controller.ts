import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '../http/route-access.js';
import { clearedSessionCookie, sessionCookie, sessionCookieIn } from './session-cookie.js';
import { Sessions } from './sessions.js';

export class SignIn {
  @IsString()
  @MaxLength(200)
  @ApiProperty({ description: 'an API key of this register (gpr_…)' })
  key!: string;
}

class SessionDoc {
  @ApiProperty() signedIn!: boolean;
  @ApiPropertyOptional({ description: "the API key's name (what events record as recordedBy)" }) name?: string;
  @ApiPropertyOptional({ enum: ['reader', 'auditor', 'recorder', 'admin'] }) role?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiresAt?: string;
}

/** Secure cookies over HTTPS, including HTTPS ended at a proxy (the flag only ever makes the cookie stricter). */
const overHttps = (request: FastifyRequest): boolean =>
  request.protocol === 'https' ||
  String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    .trim() === 'https';

/** Sign-in for the dashboard (SPEC §10): the cookie lets a browser read; writes still need the Authorization header. */
@ApiTags('session')
@Controller('session')
export class SessionController {
  constructor(private readonly sessions: Sessions) {}

  @Post()
  @PublicRoute()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign in with an API key: sets an HttpOnly, SameSite=Strict session cookie that authorises GETs only' })
  @ApiNoContentResponse({ description: 'signed in; Set-Cookie carries the session (not the key)' })
  @ApiResponse({ status: 401, description: 'application/problem+json: UNAUTHENTICATED (unknown, revoked or expired key)' })
  async signIn(@Body() body: SignIn, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const session = await this.sessions.signIn(body.key);
    if (!session)
      throw new UnauthorizedException({ title: 'Unauthenticated', detail: 'the API key is unknown, revoked or expired', code: 'UNAUTHENTICATED' });
    reply.header('Set-Cookie', sessionCookie(session.token, this.sessions.ttlSeconds, overHttps(request)));
    reply.header('Cache-Control', 'no-store');
  }

  @Delete()
  @PublicRoute()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears its cookie' })
  @ApiNoContentResponse({ description: 'signed out (also when there was no session)' })
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = sessionCookieIn(request.headers.cookie);
    if (token) this.sessions.end(token);
    reply.header('Set-Cookie', clearedSessionCookie(overHttps(request)));
  }

  @Get()
  @PublicRoute()
  @ApiOperation({ summary: 'Whether this browser is signed in, and as whom (answers 200 either way, so a page can ask without an error)' })
  @ApiOkResponse({ type: SessionDoc })
  async whoAmI(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDoc> {
    reply.header('Cache-Control', 'no-store');
    const token = sessionCookieIn(request.headers.cookie);
    const session = token ? await this.sessions.describe(token) : null;
    return session ? { signedIn: true, ...session } : { signedIn: false };
  }
}
