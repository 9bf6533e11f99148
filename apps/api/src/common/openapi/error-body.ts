import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from '@app/domain/model';
import type { ErrorBody as ErrorBodyShape } from '../filters/error.filter';

@ApiSchema({ name: 'FieldError' })
class FieldErrorSchema implements FieldError {
  @ApiProperty({ description: 'Dotted path of the field', example: 'email' }) field!: string;
  @ApiProperty({ enum: FIELD_ERROR_CODES, description: 'Why, for the client to word in its language' })
  code!: FieldErrorCode;
  @ApiProperty({ example: 'email must be an e-mail address' }) message!: string;
}

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

  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    description:
      'Every 4xx that names fields (with errors): each refusal with a code (REQUIRED, FORMAT, ONE_OF, INVALID …) the client words',
  })
  fieldErrors?: FieldError[];

  @ApiProperty({
    description: "The id of this request in the server log: the caller's X-Request-Id when sane, else a new uuid",
    example: '3f2a9c1e-5b7d-4e8a-9c0f-1d2e3f4a5b6c',
  })
  requestId!: string;
}
