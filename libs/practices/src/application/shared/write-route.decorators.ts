import { RequiresRole } from '#access';
import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

/** Controllers of practice write routes share the tag and base path. */
export const PracticeWriteController = () => applyDecorators(ApiTags('practice writes'), Controller('practices'));

const PROBLEM = { description: 'application/problem+json' };

/** A write route: 201 with the write result, the documented error statuses, and the headers it honours. */
export const WriteRoute = (path: string, summary: string, bodyType?: new () => unknown) =>
  applyDecorators(
    Post(path),
    HttpCode(201),
    RequiresRole('recorder'),
    ApiOperation({ summary }),
    ...(bodyType ? [ApiBody({ type: bodyType, description: summary })] : []),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first answer and appends nothing' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'expected stream version; 412 if the practice has moved on' }),
    ApiCreatedResponse({ description: `${summary}: {eventId, odsCode, streamVersion, position}` }),
    ApiResponse({ status: 400, ...PROBLEM, description: 'invalid input (field named in errors[])' }),
    ApiResponse({ status: 404, ...PROBLEM, description: 'unknown practice or event' }),
    ApiResponse({ status: 409, ...PROBLEM, description: 'duplicate, or concurrency conflict' }),
    ApiResponse({ status: 412, ...PROBLEM, description: 'If-Match did not match the stream version' }),
    ApiResponse({ status: 413, ...PROBLEM, description: 'body over 1 MiB' }),
    ApiResponse({ status: 422, ...PROBLEM, description: 'rule breach (code says which)' }),
  );
