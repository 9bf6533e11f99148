import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody as ErrorBodyShape } from '../filters/error.filter';

/**
 * The one error body of every 4xx and 5xx answer, as the error filter writes it (API.md, "Errors").
 * A class only so the OpenAPI document can name it; `implements` keeps it in step with the filter.
 */
export class ErrorBody implements ErrorBodyShape {
  @ApiProperty({
    description: 'Stable machine-readable code, e.g. VALIDATION_FAILED, REQUEST_ALREADY_FILLED',
    example: 'VALIDATION_FAILED',
  })
  code!: string;

  @ApiProperty({ description: 'A sentence for people; not to be parsed', example: 'The request is not valid' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Per field (dotted path), the messages that refuse it',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { email: ['email must be an email'] },
  })
  errors?: Record<string, string[]>;

  @ApiProperty({
    description: "The id of this request in the server log: the caller's X-Request-Id when sane, else a new uuid",
    example: '3f2a9c1e-5b7d-4e8a-9c0f-1d2e3f4a5b6c',
  })
  requestId!: string;
}
