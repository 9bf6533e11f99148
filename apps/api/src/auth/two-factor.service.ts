import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import {
  ConflictError,
  Errors,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  RefreshToken,
  TooManyRequestsError,
  UnauthorizedError,
  User,
  UserRecoveryCode,
  UserTwoFactor,
} from '@app/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { hashToken } from '../common/token-hash';
import { AppConfig } from '../config/env.validation';
import { UsersService } from '../users/users.service';
import { AuthService, IssuedSession, SessionOptions } from './auth.service';
import { TWO_FACTOR_ROLES } from './two-factor-roles';
import { JWT_AUDIENCE } from './jwt.config';
import { TwoFactorSecretBox } from './two-factor-secret-box';
import { MfaChallengeView, RecoveryCodesView, TwoFactorSetupView, TwoFactorStatusView } from './two-factor.dto';
import { lockOne } from '../access/locks';

export { TWO_FACTOR_ROLES };
export const TOTP_ISSUER = 'Kumamoto Interpreter Dispatch';
/** An mfaToken's audience: never accepted as an access token (whose audience is JWT_AUDIENCE). */
export const MFA_AUDIENCE = `${JWT_AUDIENCE}-mfa`;
export const MFA_TOKEN_TTL_SECONDS = 300;
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes in a row before a pause; each further run of them doubles the pause. */
export const FAILURES_BEFORE_BLOCK = 5;
const BLOCK_BASE_MS = 5 * 60_000;
const BLOCK_MAX_MS = 24 * 3600_000;
/** RFC 6238's (and every authenticator app's) default step. */
const TOTP_PERIOD_SECONDS = 30;
/** One time step either side of now (clock drift, a code typed as it changed). */
const EPOCH_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
/** Crockford base32: no I, L, O, U; what a user types is read leniently (see normaliseRecoveryCode). */
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type MfaPurpose = 'verify' | 'enrol';
interface MfaClaims {
  sub: string;
  ver: number;
  purpose: MfaPurpose;
}

type CodeOutcome =
  | { ok: true; method: 'totp' | 'recovery'; recoveryCodesLeft: number }
  | { ok: false; failedAttempts: number; blockedUntil: Date | null }
  | { ok: 'blocked' };

const invalidCode = () => InvalidError.field('code', 'The code is wrong or was already used', 'INVALID_2FA_CODE');
const invalidMfaToken = () => new UnauthorizedError('INVALID_MFA_TOKEN', 'Sign in again: the sign-in step has expired');

/**
 * Two-factor sign-in (TOTP, RFC 6238, with otplib) for staff and admins: enrolment with a QR code
 * and ten single-use recovery codes, the second step of a login, turning it off, and an admin's
 * reset. Every event is in the audit trail (`auth.2fa.*`).
 *
 * Codes: a TOTP code is accepted once (the time step it matched is remembered and later codes must
 * be newer, checked under a row lock, so two instances cannot both accept it); a recovery code is
 * used up by a conditional UPDATE. Wrong codes: after FAILURES_BEFORE_BLOCK in a row the account's
 * second step pauses 5 minutes, doubling with each further run (at most a day); a good code resets
 * the count. Only someone who knows the password reaches this step.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly box: TwoFactorSecretBox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  private get required(): boolean {
    return this.config.get('STAFF_2FA', { infer: true }) === 'required';
  }

  /** At login, after the password: null to go on to a session, else the second step to take. */
  async challenge(actor: Actor): Promise<MfaChallengeView | null> {
    if (!TWO_FACTOR_ROLES.includes(actor.role)) return null;
    const user = await this.users.findActiveOrFail(actor.id);
    if (await this.isEnabled(user.id)) return { mfaRequired: true, mfaToken: await this.signToken(user, 'verify') };
    if (this.required) return { mfaSetupRequired: true, mfaToken: await this.signToken(user, 'enrol') };
    return null;
  }

  /** The user an mfaToken of this purpose stands for (active, same session generation). */
  async readToken(token: string, purpose: MfaPurpose): Promise<Actor> {
    let claims: MfaClaims;
    try {
      claims = await this.jwt.verifyAsync<MfaClaims>(token, { audience: MFA_AUDIENCE });
    } catch {
      throw invalidMfaToken();
    }
    if (claims.purpose !== purpose) throw invalidMfaToken();
    const user = await this.users.findActive(claims.sub);
    if (!user || user.tokenVersion !== claims.ver) throw invalidMfaToken();
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      hospitalId: user.hospitalId,
      volunteerId: user.volunteerId,
    };
  }

  async status(actor: Actor): Promise<TwoFactorStatusView> {
    const enabled = await this.isEnabled(actor.id);
    const recoveryCodesLeft = enabled
      ? await this.dataSource.getRepository(UserRecoveryCode).count({ where: { userId: actor.id, usedAt: IsNull() } })
      : 0;
    return { enabled, required: this.required && TWO_FACTOR_ROLES.includes(actor.role), recoveryCodesLeft };
  }

  /** A new secret, waiting for its first code (a setup not finished is simply replaced). */
  async setup(actor: Actor): Promise<TwoFactorSetupView> {
    assertRole(actor);
    if (await this.isEnabled(actor.id))
      throw new ConflictError('TWO_FACTOR_ENABLED', 'Two-factor sign-in is already on; turn it off first');
    const secret = generateSecret();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserTwoFactor)
      .values({
        userId: actor.id,
        secretEncrypted: this.box.seal(secret),
        enabledAt: null,
        lastTimeStep: null,
        failedAttempts: 0,
        blockedUntil: null,
      })
      .orUpdate(['secret_encrypted', 'enabled_at', 'last_time_step', 'failed_attempts', 'blocked_until'], ['user_id'], {
        skipUpdateIfNoValuesChanged: false,
      })
      .execute();
    const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: actor.email, secret });
    return { secret, otpauthUrl, qrDataUrl: await toDataURL(otpauthUrl, { margin: 2, width: 240 }) };
  }

  /** The first code turns it on; the ten recovery codes are answered this once. */
  async enable(actor: Actor, code: string): Promise<string[]> {
    assertRole(actor);
    const factor = await this.dataSource.getRepository(UserTwoFactor).findOne({ where: { userId: actor.id } });
    if (!factor) throw Errors.twoFactorNotSetUp();
    if (factor.enabledAt) throw new ConflictError('TWO_FACTOR_ENABLED', 'Two-factor sign-in is already on');
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const outcome = await this.checkCode(actor.id, code, { totpOnly: true }, async (manager) => {
      await manager.update(UserTwoFactor, { userId: actor.id }, { enabledAt: this.clock.now() });
      await manager.delete(UserRecoveryCode, { userId: actor.id });
      await manager.insert(
        UserRecoveryCode,
        recoveryCodes.map((c) => ({ userId: actor.id, codeHash: hashToken(normaliseRecoveryCode(c)) })),
      );
      await this.audit.record(manager, { actor, action: 'auth.2fa.enrolled', objectType: 'users', objectId: actor.id });
    });
    await this.settle(actor, outcome, 'enable');
    return recoveryCodes;
  }

  /** Enrolment at sign-in: the recovery codes and the session. */
  async enableAndSignIn(
    actor: Actor,
    code: string,
    options: SessionOptions = {},
  ): Promise<RecoveryCodesView & { persistent: boolean }> {
    const recoveryCodes = await this.enable(actor, code);
    return { recoveryCodes, ...(await this.auth.login(actor, options)) };
  }

  async disable(actor: Actor, code: string): Promise<void> {
    assertRole(actor);
    if (this.required)
      throw new ConflictError('TWO_FACTOR_REQUIRED', 'Two-factor sign-in is required for staff and admins here');
    if (!(await this.isEnabled(actor.id)))
      throw new ConflictError('TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not on');
    const outcome = await this.checkCode(actor.id, code, {}, async (manager) => {
      await this.remove(manager, actor.id);
      await this.audit.record(manager, { actor, action: 'auth.2fa.disabled', objectType: 'users', objectId: actor.id });
    });
    await this.settle(actor, outcome, 'disable');
  }

  /** The second step of a login: a TOTP code or an unused recovery code → the token pair. */
  async verify(mfaToken: string, code: string, options: SessionOptions = {}): Promise<IssuedSession> {
    const actor = await this.readToken(mfaToken, 'verify');
    if (!(await this.isEnabled(actor.id))) throw invalidMfaToken();
    const outcome = await this.checkCode(actor.id, code, {}, async (manager, method, left) => {
      await this.audit.record(
        manager,
        { actor, action: 'auth.2fa.verified', objectType: 'users', objectId: actor.id, details: { method } },
        ...(method === 'recovery'
          ? [
              {
                actor,
                action: 'auth.2fa.recovery-code-used',
                objectType: 'users',
                objectId: actor.id,
                details: { recoveryCodesLeft: left },
              },
            ]
          : []),
      );
    });
    await this.settle(actor, outcome, 'verify');
    return this.auth.login(actor, options);
  }

  /**
   * An admin takes a user's second factor away (a lost phone): the user's sessions end, and where
   * 2FA is required the next sign-in enrols again.
   */
  async reset(admin: Actor, userId: string): Promise<void> {
    if (userId === admin.id)
      throw new ConflictError('TWO_FACTOR_RESET_SELF', 'Turn your own two-factor sign-in off on your security page');
    await this.dataSource.transaction(async (manager) => {
      const user = await lockOne(manager, User, { id: userId });
      if (!user) throw new NotFoundError('User');
      const factor = await manager.findOne(UserTwoFactor, { where: { userId } });
      await this.remove(manager, userId);
      await manager.update(User, { id: userId }, { tokenVersion: user.tokenVersion + 1 });
      await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      await this.audit.record(manager, {
        actor: admin,
        action: 'auth.2fa.reset',
        objectType: 'users',
        objectId: userId,
        details: { wasEnabled: !!factor?.enabledAt },
      });
    });
    this.users.sessionsChanged(userId);
  }

  private async isEnabled(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(UserTwoFactor).exists({ where: { userId, enabledAt: Not(IsNull()) } });
  }

  private async remove(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(UserRecoveryCode, { userId });
    await manager.delete(UserTwoFactor, { userId });
  }

  private signToken(user: User, purpose: MfaPurpose): Promise<string> {
    const claims: MfaClaims = { sub: user.id, ver: user.tokenVersion, purpose };
    return this.jwt.signAsync(claims, { audience: MFA_AUDIENCE, expiresIn: MFA_TOKEN_TTL_SECONDS });
  }

  /**
   * Checks a code under a lock on the user's 2FA row and, when good, runs `onSuccess` in the same
   * transaction. A wrong code is counted (and committed) before the caller refuses it.
   */
  private async checkCode(
    userId: string,
    code: string,
    options: { totpOnly?: boolean },
    onSuccess: (manager: EntityManager, method: 'totp' | 'recovery', recoveryCodesLeft: number) => Promise<void>,
  ): Promise<CodeOutcome> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const factor = await lockOne(manager, UserTwoFactor, { userId });
      if (!factor) throw Errors.twoFactorNotSetUp();
      if (factor.blockedUntil && factor.blockedUntil > now) return { ok: 'blocked' } as const;
      const totp = code.replace(/\s/g, '');
      let method: 'totp' | 'recovery' | null = null;
      if (/^\d{6}$/.test(totp)) {
        const timeStep = await this.matchTotp(factor, totp, now);
        if (timeStep !== null) {
          method = 'totp';
          await manager.update(UserTwoFactor, { userId }, { lastTimeStep: String(timeStep) });
        }
      } else if (!options.totpOnly) {
        const used = await manager
          .createQueryBuilder()
          .update(UserRecoveryCode)
          .set({ usedAt: now })
          .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', {
            userId,
            hash: hashToken(normaliseRecoveryCode(code)),
          })
          .execute();
        if (used.affected) method = 'recovery';
      }
      if (!method) {
        const failedAttempts = factor.failedAttempts + 1;
        const runs = Math.floor(failedAttempts / FAILURES_BEFORE_BLOCK);
        const blockedUntil =
          failedAttempts % FAILURES_BEFORE_BLOCK === 0
            ? new Date(now.getTime() + Math.min(BLOCK_BASE_MS * 2 ** (runs - 1), BLOCK_MAX_MS))
            : factor.blockedUntil;
        await manager.update(UserTwoFactor, { userId }, { failedAttempts, blockedUntil });
        return { ok: false, failedAttempts, blockedUntil } as const;
      }
      if (factor.failedAttempts > 0 || factor.blockedUntil)
        await manager.update(UserTwoFactor, { userId }, { failedAttempts: 0, blockedUntil: null });
      const recoveryCodesLeft = await manager.count(UserRecoveryCode, { where: { userId, usedAt: IsNull() } });
      await onSuccess(manager, method, recoveryCodesLeft);
      return { ok: true, method, recoveryCodesLeft } as const;
    });
  }

  /**
   * The time step a TOTP code matches (one step either side of now), if newer than the last one
   * accepted. When that last step is already beyond this server's window (another instance's
   * clock ran ahead), no code can be newer: none matches.
   */
  private async matchTotp(factor: UserTwoFactor, token: string, now: Date): Promise<number | null> {
    const secret = this.box.open(factor.secretEncrypted);
    if (!secret) return null;
    const epoch = Math.floor(now.getTime() / 1000);
    const lastStep = factor.lastTimeStep === null ? null : Number(factor.lastTimeStep);
    if (lastStep !== null && lastStep >= Math.floor((epoch + EPOCH_TOLERANCE_SECONDS) / TOTP_PERIOD_SECONDS))
      return null;
    const result = await verify({
      secret,
      token,
      epoch,
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** Audits a wrong code (after its count was committed) and refuses it; a pause answers 429. */
  private async settle(actor: Actor, outcome: CodeOutcome, during: 'enable' | 'disable' | 'verify'): Promise<void> {
    if (outcome.ok === true) return;
    if (outcome.ok === 'blocked') {
      await this.audit.record(null, {
        actor,
        action: 'auth.2fa.failed',
        objectType: 'users',
        objectId: actor.id,
        details: { during, blocked: true },
      });
      throw new TooManyRequestsError('TWO_FACTOR_PAUSED', 'Too many wrong codes: wait a few minutes and try again');
    }
    await this.audit.record(null, {
      actor,
      action: 'auth.2fa.failed',
      objectType: 'users',
      objectId: actor.id,
      details: {
        during,
        failedAttempts: outcome.failedAttempts,
        blockedUntil: outcome.blockedUntil?.toISOString() ?? null,
      },
    });
    throw invalidCode();
  }
}

function assertRole(actor: Actor): void {
  if (!TWO_FACTOR_ROLES.includes(actor.role)) throw new ForbiddenError('Two-factor sign-in is for staff and admins');
}

/** 16 characters of Crockford base32 (80 random bits), as XXXX-XXXX-XXXX-XXXX. */
function newRecoveryCode(): string {
  const chars = [...randomBytes(16)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Upper case, without spaces or dashes, with O read as 0 and I, L as 1. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
