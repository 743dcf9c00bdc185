import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { OptionalPageLimit } from '#platform';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class TreeHeadsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  @ApiPropertyOptional({ description: 'list heads with a larger tree than this (default 0: from the first)', minimum: 0 })
  after?: number;

  @OptionalPageLimit(1000, 100)
  limit?: number;
}

export class PublicKeyQuery {
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'keyId must be a key id from a tree head' })
  @ApiPropertyOptional({ description: 'the key that signed an earlier head (default: the key of the latest head)' })
  keyId?: string;
}

export class InclusionProofQuery {
  @IsUUID('all')
  @ApiProperty({ description: 'the event whose inclusion is proved' })
  eventId!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  @ApiPropertyOptional({ description: 'size of a published tree head (default: the latest head)', minimum: 1 })
  treeSize?: number;
}

export class ConsistencyProofQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  @ApiProperty({ description: 'size of the earlier published tree head', minimum: 1 })
  from!: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  @ApiProperty({ description: 'size of the later published tree head', minimum: 1 })
  to!: number;
}
