import { ApiProperty } from '@nestjs/swagger';

export class WriteResultDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'M92011' }) odsCode!: string;
  @ApiProperty({ example: 3 }) streamVersion!: number;
  @ApiProperty({ description: 'opaque log position; pass as minPosition to read your own write' }) position!: string;
}
