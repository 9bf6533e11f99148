import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { MAX_IMPORT_BYTES } from './volunteer-import.service';

/** Gives multer's bare "File too large" a message that says the limit. Listed before FileInterceptor. */
@Injectable()
export class FileTooLargeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new PayloadTooLargeException({
                code: 'FILE_TOO_LARGE',
                message: `The file is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit; split it into smaller files`,
              })
            : error,
        ),
      ),
    );
  }
}
