import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtSecret } from './jwt-secret';
import { JwtStrategy } from './jwt.strategy';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt.config';
import { LocalStrategy } from './local.strategy';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { SessionCookie } from './session-cookie';
import { LoginPacer } from './login-throttle';
import { TwoFactorSecretBox } from './two-factor-secret-box';
import { EnrolGuard, TwoFactorController, UserTwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      extraProviders: [JwtSecret],
      inject: [JwtSecret],
      useFactory: (secret: JwtSecret) => ({
        secret: secret.value,
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  controllers: [AuthController, TwoFactorController, UserTwoFactorController, PasswordsController],
  providers: [
    AuthService,
    JwtSecret,
    LocalStrategy,
    JwtStrategy,
    LoginPacer,
    TwoFactorService,
    TwoFactorSecretBox,
    EnrolGuard,
    SessionCookie,
    PasswordsService,
  ],
})
export class AuthModule {}
