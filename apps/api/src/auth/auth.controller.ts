import { Body, Controller, Get, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AnyRole, Public } from '../common/decorators/roles.decorator';
import { Actor, CurrentUser } from '../common/decorators/current-user.decorator';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginThrottled } from './login-throttle';
import { LoginDto, RefreshDto, TokenPairView, UpdateMeDto, UserView } from './dto/auth.dto';
import { LoginView, MfaChallengeView } from './two-factor.dto';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Post('login')
  @Public()
  @LoginThrottled()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiExtraModels(MfaChallengeView)
  @ApiOkResponse({
    description: 'The token pair, or for staff and admins the second step (two-factor sign-in)',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenPairView) }, { $ref: getSchemaPath(MfaChallengeView) }] },
  })
  async login(@CurrentUser() actor: Actor): Promise<LoginView> {
    return (await this.twoFactor.challenge(actor)) ?? this.auth.login(actor);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  refresh(@Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
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
