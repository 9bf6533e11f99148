import { Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** The 200 answer of a list route: `Page<T>` of pagination.dto.ts, `{ data: T[], total }`. */
export const ApiPageResponse = (model: Type) =>
  applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description: `One page of ${model.name} and the total count`,
      schema: {
        type: 'object',
        required: ['data', 'total'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(model) } },
          total: { type: 'integer', minimum: 0 },
        },
      },
    }),
  );
