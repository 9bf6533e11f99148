import { Injectable, PipeTransform, Type } from '@nestjs/common';
import { BadRequestError, DomainError, InvalidError } from '@app/domain';
import { createValidationPipe } from '../common/validation.pipe';

/**
 * Validates a JSON array body item by item with the global rules (unknown field 400, type 400,
 * other 422), naming fields `0.volunteerId`, `1.status`, … The global pipe skips array bodies.
 */
export function ArrayBodyPipe<T>(item: Type<T>, options: { maxItems: number }): Type<PipeTransform> {
  @Injectable()
  class ArrayBody implements PipeTransform {
    private readonly pipe = createValidationPipe();

    async transform(value: unknown): Promise<T[]> {
      if (!Array.isArray(value)) throw new BadRequestError('MALFORMED_INPUT', 'The body must be a JSON array');
      if (value.length > options.maxItems)
        throw InvalidError.field('body', `At most ${options.maxItems} entries at once`);
      const out: T[] = [];
      const errors: Record<string, string[]> = {};
      let malformed: DomainError | null = null;
      for (const [index, entry] of value.entries()) {
        try {
          out.push((await this.pipe.transform(entry, { type: 'body', metatype: item })) as T);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          if (error instanceof BadRequestError) malformed ??= error;
          for (const [field, messages] of Object.entries(error.errors ?? { '': [error.message] }))
            errors[field ? `${index}.${field}` : String(index)] = messages;
        }
      }
      if (Object.keys(errors).length === 0) return out;
      const summary = `Check these fields: ${Object.keys(errors).join(', ')}`;
      if (malformed) throw new BadRequestError(malformed.code, summary, errors);
      throw new InvalidError(summary, errors);
    }
  }
  return ArrayBody;
}
