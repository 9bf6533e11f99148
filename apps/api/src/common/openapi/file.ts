import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** The 200 of a route answering a file (an export, a calendar entry) of the given media type. */
export const ApiFileResponse = (mediaType: string, description = 'The file, as an attachment') =>
  applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }),
  );
