import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { Errors, InvalidError, PasswordReset, RefreshToken, User, UserInvitation } from '@app/domain';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { hashToken } from '../common/token-hash';
import { AppConfig } from '../config/env.validation';
import { MailLinks } from '../mail/mail-links';
import { MailService } from '../mail/mail.service';
import { PasswordHasher } from '../users/password-hasher';
import { PasswordPolicy } from '../users/password-policy';
import { UsersService } from '../users/users.service';
import { lockOne } from '../access/locks';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;
/** A second request for one account within this spell mails nothing more (no mail-bombing a mailbox). */
const RESEND_SPELL_MS = 60_000;

/**
 * Forgotten and changed passwords. A reset is asked for by address and answered alike whether or
 * not it has an account; the mail (in the user's language) carries a single-use link that expires
 * after PASSWORD_RESET_TTL_MINUTES, its token made when the mail leaves (MailLinks) and stored hashed.
 * A reset ends every session of the user; a change ends all but the one making it.
 */
@Injectable()
export class PasswordsService {
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly links: MailLinks,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('PASSWORD_RESET_TTL_MINUTES', { infer: true }) * 60_000;
  }

  /** Mails a reset link to an active account with this address; nothing at all for any other address. */
  async requestReset(email: string): Promise<void> {
    const user = await this.users.findForLogin(email);
    if (!user?.active) return;
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // One request at a time per account: concurrent requests queue here, then see each other's row.
      await lockOne(manager, User, { id: user.id });
      const expiresAt = new Date(now.getTime() + this.ttlMs);
      // Made within the spell: it expires later than a link made just before it would.
      const recent = await manager.exists(PasswordReset, {
        where: {
          userId: user.id,
          usedAt: IsNull(),
          expiresAt: MoreThan(new Date(expiresAt.getTime() - RESEND_SPELL_MS)),
        },
      });
      if (recent) return;
      // The column needs a unique value before the mail leaves: the hash of a token nobody keeps.
      const reset = manager.create(PasswordReset, {
        userId: user.id,
        tokenHash: hashToken(randomBytes(32).toString('base64url')),
        expiresAt,
        usedAt: null,
      });
      await manager.insert(PasswordReset, reset);
      await this.mail.enqueue(manager, {
        to: user.email,
        locale: user.locale,
        template: 'password_reset',
        params: {
          displayName: user.displayName,
          linkUrl: this.links.url('reset', reset.id),
          expiresAt: expiresAt.toISOString(),
        },
        idempotencyKey: `reset:${reset.id}`,
        userId: user.id,
        usefulUntil: expiresAt,
      });
    });
  }

  /** Sets the new password through a mailed link, uses the link up and ends every session. */
  async reset(token: string, password: string): Promise<void> {
    // The token first: an unknown or dead link costs one indexed lookup, not an argon2 hash.
    const found = await this.findUsable(this.dataSource.manager, token);
    this.policy.assertStrong(password, {
      locale: found.user.locale,
      userInputs: [found.user.email, found.user.displayName],
    });
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const { user } = await this.findUsable(manager, token, true);
      const now = this.clock.now();
      // Incremented in SQL, as change() does: a read-then-write could lose a concurrent bump.
      await manager.increment(User, { id: user.id }, 'tokenVersion', 1);
      await manager.update(User, { id: user.id }, { passwordHash });
      await manager.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      // A link to set a first password is no use once there is one.
      await manager.update(UserInvitation, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      await manager.update(RefreshToken, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
    });
    this.users.sessionsChanged(found.user.id);
  }

  /**
   * A signed-in user's change: the current password proves it is them. Every other session ends at
   * once (the session generation moves on, so their access tokens stop working too); the caller's
   * own sign-in goes on (its next refresh picks up the new generation).
   */
  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findForLogin(actor.email);
    if (!user?.active || user.id !== actor.id) throw Errors.unauthenticated();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword)))
      throw InvalidError.field('currentPassword', 'The current password is wrong', 'WRONG_PASSWORD');
    this.policy.assertStrong(newPassword, {
      locale: user.locale,
      userInputs: [user.email, user.displayName],
      field: 'newPassword',
    });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.increment(User, { id: user.id }, 'tokenVersion', 1);
      await manager.update(User, { id: user.id }, { passwordHash });
      await manager.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      await manager.update(
        RefreshToken,
        { userId: user.id, revokedAt: IsNull(), ...(actor.sessionId ? { familyId: Not(actor.sessionId) } : {}) },
        { revokedAt: now },
      );
    });
    this.users.sessionsChanged(user.id);
  }

  private async findUsable(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<{ reset: PasswordReset; user: User }> {
    if (!TOKEN_SHAPE.test(token)) throw Errors.linkExpired();
    const where = { tokenHash: hashToken(token) };
    const reset = lock ? await lockOne(manager, PasswordReset, where) : await manager.findOne(PasswordReset, { where });
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= this.clock.now().getTime()) throw Errors.linkExpired();
    const user = await manager.findOne(User, { where: { id: reset.userId, active: true } });
    if (!user) throw Errors.linkExpired();
    return { reset, user };
  }
}
