import { ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { BadRequestError, Errors } from '@app/domain';
import { LoginDto } from './dto/auth.dto';
import { LoginPacedError, LoginPacer, type LoginRequest } from './login-throttle';
import { flattenValidationErrors } from '../common/validation.pipe';

/**
 * passport-local login. Guards run before pipes, so the body is validated here: a malformed
 * body is a 400 naming the field rather than a bare 401. A well-formed attempt then waits for its
 * turn on the account (LoginPacer) before the password is checked.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(private readonly pacer: LoginPacer) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LoginRequest>();
    const body = request.body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const fields = flattenValidationErrors(errors);
      throw new BadRequestError('MALFORMED_INPUT', `Check these fields: ${Object.keys(fields).join(', ')}`, fields);
    }
    try {
      await this.pacer.admit(request);
    } catch (error) {
      if (error instanceof LoginPacedError)
        context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    const admitted = (await super.canActivate(context)) as boolean;
    if (admitted) this.pacer.succeeded(request);
    return admitted;
  }

  override handleRequest<T>(error: Error | null, user: T | false): T {
    if (error) throw error;
    if (!user) throw Errors.invalidCredentials();
    return user;
  }
}
