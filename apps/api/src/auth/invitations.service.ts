import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../common/token-hash';
import { DataSource, EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { ConflictError, Locale, NotFoundError, User, UserInvitation } from '@app/domain';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/env.validation';
import { MailLinks } from '../mail/mail-links';
import { MailService } from '../mail/mail.service';
import { PasswordHasher } from '../users/password-hasher';
import { PasswordPolicy } from '../users/password-policy';
import { InvitationSentView, InvitationView } from './invitations.dto';
import { lockOne } from '../access/locks';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * Invitations: a user created without a password gets a mail with a single-use, expiring link
 * to set one. Only the token's SHA-256 hash is stored, and only once the mail has left (MailLinks).
 */
@Injectable()
export class InvitationsService {
  private readonly ttlMs: number;
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly hasher: PasswordHasher,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly clock: Clock,
    private readonly links: MailLinks,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('INVITATION_TTL_HOURS', { infer: true }) * 60 * 60 * 1000;
  }

  /** Creates the invitation and enqueues its mail, in the caller's transaction (the one creating the user). */
  async issue(
    manager: EntityManager,
    user: { id: string; email: string; displayName: string; locale: Locale },
  ): Promise<Date> {
    // The column needs a unique value before the mail leaves: the hash of a token nobody keeps.
    const unknowable = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlMs);
    const invitation = manager.create(UserInvitation, {
      userId: user.id,
      tokenHash: hashToken(unknowable),
      expiresAt,
      usedAt: null,
    });
    await manager.insert(UserInvitation, invitation);
    await this.mail.enqueue(manager, {
      to: user.email,
      locale: user.locale,
      template: 'invitation',
      params: {
        displayName: user.displayName,
        linkUrl: this.links.url('invitation', invitation.id),
        expiresAt: expiresAt.toISOString(),
      },
      idempotencyKey: `invitation:${invitation.id}`,
      userId: user.id,
      usefulUntil: expiresAt,
    });
    return expiresAt;
  }

  /**
   * Staff send a user who never set a password a new invitation: a new link and mail; every earlier
   * link of theirs stops working (it now reads as expired). 409 PASSWORD_ALREADY_SET when the user
   * has a password (they can reset it themselves), 409 USER_INACTIVE for a deactivated account.
   */
  async resend(userId: string): Promise<InvitationSentView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockOne(manager, User, { id: userId });
      if (!user) throw new NotFoundError('User');
      // The hash is never selected with the user: asked for on its own, under the lock just taken.
      if (await manager.exists(User, { where: { id: userId, passwordHash: Not(IsNull()) } }))
        throw new ConflictError(
          'PASSWORD_ALREADY_SET',
          'This user has already set a password; they can reset it from the sign-in page',
        );
      if (!user.active) throw new ConflictError('USER_INACTIVE', 'This account is deactivated; reactivate it first');
      const now = this.clock.now();
      await manager.update(UserInvitation, { userId, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
      return { expiresAt: await this.issue(manager, user) };
    });
  }

  /** Whether the link still works, and for whom (public: the token is the secret). */
  async check(token: string): Promise<InvitationView> {
    const { invitation, user } = await this.find(this.dataSource.manager, token);
    const problem = this.problem(invitation);
    if (problem) return { valid: false, code: problem, expiresAt: invitation.expiresAt };
    return { valid: true, email: user.email, displayName: user.displayName, expiresAt: invitation.expiresAt };
  }

  /**
   * Sets the password and uses the link up (with every other open invitation of the user). The
   * invitation row is locked, so two submissions of one link set the password once.
   */
  async accept(token: string, password: string): Promise<void> {
    // The token first: an unknown or dead link costs one indexed lookup, not an argon2 hash (19 MiB).
    const { invitation: found, user } = await this.find(this.dataSource.manager, token);
    this.assertUsable(found);
    this.passwordPolicy.assertStrong(password, { locale: user.locale, userInputs: [user.email, user.displayName] });
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const { invitation } = await this.find(manager, token, true);
      this.assertUsable(invitation);
      const now = this.clock.now();
      await manager.update(User, { id: invitation.userId }, { passwordHash });
      await manager.update(UserInvitation, { userId: invitation.userId, usedAt: IsNull() }, { usedAt: now });
    });
  }

  private async find(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<{ invitation: UserInvitation; user: User }> {
    if (!TOKEN_SHAPE.test(token)) throw new NotFoundError('Invitation', 'INVITATION_NOT_FOUND');
    const where = { tokenHash: hashToken(token) };
    const invitation = lock
      ? await lockOne(manager, UserInvitation, where)
      : await manager.findOne(UserInvitation, { where });
    const user = invitation && (await manager.findOne(User, { where: { id: invitation.userId, active: true } }));
    if (!invitation || !user) throw new NotFoundError('Invitation', 'INVITATION_NOT_FOUND');
    return { invitation, user };
  }

  private assertUsable(invitation: UserInvitation): void {
    const problem = this.problem(invitation);
    if (problem === 'INVITATION_USED')
      throw new ConflictError(problem, 'This link has already been used; sign in, or ask for a new invitation');
    if (problem === 'INVITATION_EXPIRED')
      throw new ConflictError(problem, 'This link has expired; ask for a new invitation');
  }

  private problem(invitation: UserInvitation): 'INVITATION_USED' | 'INVITATION_EXPIRED' | null {
    if (invitation.usedAt) return 'INVITATION_USED';
    if (invitation.expiresAt.getTime() <= this.clock.now().getTime()) return 'INVITATION_EXPIRED';
    return null;
  }
}
