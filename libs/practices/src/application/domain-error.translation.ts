import {
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PreconditionFailedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { IdempotencyKeyReusedError } from '#event-store';
import { EventNotFoundError, PracticeAlreadyExistsError, PracticeNotFoundError, PracticeRuleViolation } from '../domain/index.js';
import { OutOfScopeError } from './shared/write-scope.js';
import { ConcurrencyConflictError, StreamVersionMismatchError } from './shared/write-refusals.js';

/** Maps the decider's and the write path's refusals onto the HTTP statuses and codes of SPEC §5 (the exception filter's). */
export function translateDomainError(error: unknown): HttpException | null {
  if (error instanceof PracticeRuleViolation) {
    return new UnprocessableEntityException({
      title: 'Rule violation',
      detail: error.detail,
      code: error.code,
      ...(error.conflictingEvent ? { conflictingEvent: error.conflictingEvent } : {}),
    });
  }
  if (error instanceof OutOfScopeError) {
    return new ForbiddenException({ title: 'Out of scope', detail: error.message, code: 'OUT_OF_SCOPE' });
  }
  if (error instanceof PracticeNotFoundError) {
    return new NotFoundException({ title: 'Practice not found', detail: error.message, code: 'PRACTICE_NOT_FOUND' });
  }
  if (error instanceof EventNotFoundError) {
    return new NotFoundException({ title: 'Event not found', detail: error.message, code: 'EVENT_NOT_FOUND' });
  }
  if (error instanceof PracticeAlreadyExistsError) {
    return new ConflictException({ title: 'Practice already exists', detail: error.message, code: 'PRACTICE_ALREADY_EXISTS' });
  }
  if (error instanceof StreamVersionMismatchError) {
    return new PreconditionFailedException({
      title: 'Stream version mismatch',
      detail: error.message,
      code: 'STREAM_VERSION_MISMATCH',
      streamVersion: error.actualVersion,
    });
  }
  if (error instanceof ConcurrencyConflictError) {
    return new ConflictException({ title: 'Concurrent change', detail: error.message, code: 'CONCURRENCY_CONFLICT' });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return new UnprocessableEntityException({
      title: 'Idempotency key reused',
      detail: `${error.message}; use a new key for a new request`,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  }
  return null;
}
