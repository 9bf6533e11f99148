import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Errors } from '@app/domain';
import { AnyRole, Public, Roles } from '../common/decorators/roles.decorator';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { TokenPairView } from './dto/auth.dto';
import { TwoFactorService } from './two-factor.service';
import { SessionCookie } from './session-cookie';
import { LoginThrottled } from './login-throttle';
import {
  RecoveryCodesView,
  TwoFactorCodeDto,
  TwoFactorSetupDto,
  TwoFactorSetupView,
  TwoFactorStatusView,
  TwoFactorVerifyDto,
} from './two-factor.dto';

const JwtGuard = AuthGuard('jwt');

/**
 * Enrolment is open to a signed-in staff member or admin (bearer token) and, where STAFF_2FA is
 * required, to the `mfaToken` a login answered with `mfaSetupRequired` (sent in the body): that
 * token can do nothing else. The request is marked so the handler knows which it was.
 */
@Injectable()
export class EnrolGuard extends JwtGuard implements CanActivate {
  constructor(private readonly twoFactor: TwoFactorService) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context
      .switchToHttp()
      .getRequest<{ body?: { mfaToken?: unknown }; user?: Actor; mfaEnrolment?: boolean }>();
    const token = req.body?.mfaToken;
    if (typeof token === 'string') {
      req.user = await this.twoFactor.readToken(token, 'enrol');
      req.mfaEnrolment = true;
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error || !user) throw Errors.unauthenticated();
    return user;
  }
}

const Enrolment = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  Public()(target, key, descriptor);
  UseGuards(EnrolGuard)(target, key, descriptor);
};

@ApiTags('auth')
@Controller('auth/2fa')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly cookie: SessionCookie,
  ) {}

  @Get()
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: TwoFactorStatusView })
  status(@CurrentUser() actor: Actor): Promise<TwoFactorStatusView> {
    return this.twoFactor.status(actor);
  }

  @Post('setup')
  @Enrolment()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: TwoFactorSetupView })
  setup(@CurrentUser() actor: Actor, @Body() _body: TwoFactorSetupDto): Promise<TwoFactorSetupView> {
    return this.twoFactor.setup(actor);
  }

  @Post('enable')
  @Enrolment()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    type: RecoveryCodesView,
    description: 'With an mfaToken, the token pair as well (with `session: cookie`, the refresh token as the cookie)',
  })
  async enable(
    @CurrentUser() actor: Actor,
    @Body() body: TwoFactorCodeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecoveryCodesView> {
    if (!body.mfaToken) return { recoveryCodes: await this.twoFactor.enable(actor, body.code) };
    const signedIn = await this.twoFactor.enableAndSignIn(actor, body.code, { persistent: body.remember });
    return this.cookie.deliver(res, signedIn, !!body.session);
  }

  @Post('disable')
  @Roles('staff')
  @HttpCode(204)
  @ApiBearerAuth()
  disable(@CurrentUser() actor: Actor, @Body() body: TwoFactorCodeDto): Promise<void> {
    return this.twoFactor.disable(actor, body.code);
  }

  @Post('verify')
  @Public()
  @LoginThrottled()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView, description: 'With `session: cookie`, the refresh token as the cookie' })
  async verify(@Body() body: TwoFactorVerifyDto, @Res({ passthrough: true }) res: Response): Promise<TokenPairView> {
    const issued = await this.twoFactor.verify(body.mfaToken, body.code, { persistent: body.remember });
    return this.cookie.deliver(res, issued, !!body.session);
  }
}

/** An admin's reset of a user's second factor (a lost phone). */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UserTwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Post(':id/2fa/reset')
  @HttpCode(204)
  reset(@CurrentUser() admin: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.twoFactor.reset(admin, id);
  }
}
