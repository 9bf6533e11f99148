import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AnyRole, Public } from '../common/decorators/roles.decorator';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { UsersService } from '../users/users.service';
import { AuthService, invalidRefresh } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginThrottled } from './login-throttle';
import { LoginDto, RefreshDto, TokenPairView, UpdateMeDto, UserView } from './dto/auth.dto';
import { LoginView, MfaChallengeView } from './two-factor.dto';
import { TwoFactorService } from './two-factor.service';
import { REFRESH_COOKIE, SessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('login')
  @Public()
  @LoginThrottled()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiExtraModels(MfaChallengeView)
  @ApiOkResponse({
    description:
      'The token pair, or for staff and admins the second step (two-factor sign-in). With `session: cookie` the ' +
      `refresh token is set as the httpOnly cookie \`${REFRESH_COOKIE}\` (Path=/api/auth) and left out of the body.`,
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairView) }, { $ref: getSchemaPath(MfaChallengeView) }] },
  })
  async login(
    @CurrentUser() actor: Actor,
    @Body() body: LoginDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginView> {
    const challenge = await this.twoFactor.challenge(actor);
    if (challenge) return challenge;
    return this.cookie.deliver(res, await this.auth.login(actor, { persistent: body.remember }), !!body.session);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOkResponse({
    type: TokenPairView,
    description: 'A refresh token in the body is answered in the body; the cookie alone, with a new cookie',
  })
  async refresh(
    @Body() body: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPairView> {
    const fromCookie = !body.refreshToken;
    const token = body.refreshToken ?? this.cookie.read(req);
    if (!token) throw invalidRefresh();
    try {
      return this.cookie.deliver(res, await this.auth.refresh(token), fromCookie);
    } catch (error) {
      if (fromCookie) this.cookie.clear(res);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiNoContentResponse({
    description: 'The session (body token, or else the cookie) has ended; the cookie is cleared',
  })
  async logout(
    @Body() body: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const token = body.refreshToken ?? this.cookie.read(req);
    this.cookie.clear(res);
    if (token) await this.auth.logout(token);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() actor: Actor): Promise<UserView> {
    return this.users.getView(actor.id);
  }

  @Patch('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  updateMe(@CurrentUser() actor: Actor, @Body() body: UpdateMeDto): Promise<UserView> {
    return this.users.updateSelf(actor.id, body);
  }
}
