import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../common/token-hash';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Errors, RefreshToken, UnauthorizedError, User, UserTwoFactor } from '@app/domain';
import { AppConfig } from '../config/env.validation';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { UsersService } from '../users/users.service';
import { PasswordHasher } from '../users/password-hasher';
import { AccessTokenClaims } from './jwt.config';
import { TokenPairView } from './dto/auth.dto';
import { TWO_FACTOR_ROLES } from './two-factor-roles';

const invalidCredentials = Errors.invalidCredentials;
export const invalidRefresh = () =>
  new UnauthorizedError('INVALID_REFRESH_TOKEN', 'Sign in again: the session has ended');

/** A new token pair, and whether its session outlives the browser («ログインしたままにする»). */
export type IssuedSession = TokenPairView & { persistent: boolean };

/** How a sign-in is kept: `persistent` asks for a cookie that outlives the browser. */
export interface SessionOptions {
  persistent?: boolean;
}

/** Sign-in, access tokens and rotating refresh tokens. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Same answer, and about the same time, for a wrong password and an unknown account. */
  async verifyCredentials(email: string, password: string): Promise<Actor> {
    const user = await this.users.findForLogin(email);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok || !user.active) throw invalidCredentials();
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      hospitalId: user.hospitalId,
      volunteerId: user.volunteerId,
    };
  }

  async login(actor: Actor, options: SessionOptions = {}): Promise<IssuedSession> {
    const user = await this.users.findActiveOrFail(actor.id);
    return this.dataSource.transaction((manager) =>
      this.issue(manager, user, randomUUID(), options.persistent ?? false),
    );
  }

  /**
   * Rotates a refresh token. The conditional UPDATE makes rotation single-use even when two
   * calls race; a token that was already rotated or revoked revokes its whole family.
   */
  async refresh(token: string): Promise<IssuedSession> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.findOne(RefreshToken, { where: { tokenHash: hashToken(token) } });
      if (!stored) return 'unknown' as const;
      const rotated = await manager
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ rotatedAt: now })
        .where('id = :id AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > :now', { id: stored.id, now })
        .execute();
      if (!rotated.affected) {
        await manager.update(RefreshToken, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return 'reused' as const;
      }
      const user = await this.users.findActive(stored.userId, manager);
      if (!user) return 'unknown' as const;
      // Where staff and admins must use a second factor, a session begun without it (before the
      // setting, or before an admin's reset) does not go on: the next sign-in enrols.
      if (await this.lacksRequiredSecondFactor(manager, user)) {
        await manager.update(RefreshToken, { familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return 'unknown' as const;
      }
      return this.issue(manager, user, stored.familyId, stored.persistent);
    });
    if (typeof outcome === 'string') throw invalidRefresh();
    return outcome;
  }

  private async lacksRequiredSecondFactor(manager: EntityManager, user: User): Promise<boolean> {
    if (this.config.get('STAFF_2FA', { infer: true }) !== 'required' || !TWO_FACTOR_ROLES.includes(user.role))
      return false;
    return !(await manager.exists(UserTwoFactor, { where: { userId: user.id, enabledAt: Not(IsNull()) } }));
  }

  /** Ends the session the token belongs to (its whole family). */
  async logout(token: string): Promise<void> {
    const stored = await this.dataSource
      .getRepository(RefreshToken)
      .findOne({ where: { tokenHash: hashToken(token) } });
    if (!stored) return;
    await this.dataSource
      .getRepository(RefreshToken)
      .update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async issue(
    manager: EntityManager,
    user: User,
    familyId: string,
    persistent: boolean,
  ): Promise<IssuedSession> {
    const ttl = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    const refreshToken = randomBytes(32).toString('base64url');
    const days = this.config.get('JWT_REFRESH_TTL_DAYS', { infer: true });
    await manager.insert(RefreshToken, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + days * 86_400_000),
      persistent,
    });
    return { accessToken, refreshToken, expiresIn: ttl, user: UsersService.view(user), persistent };
  }
}
