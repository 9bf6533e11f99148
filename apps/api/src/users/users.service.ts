import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, InvalidError, NotFoundError, RefreshToken, Role, User } from '@app/domain';
import { IsNull } from 'typeorm';
import { Clock } from '../common/clock';
import { Page, sortColumn } from '../common/pagination.dto';
import { ActorCache } from './actor-cache';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserView } from '../auth/dto/auth.dto';
import { InvitationsService } from '../auth/invitations.service';
import { lockOne } from '../access/locks';

const SORTABLE = { email: 'u.email', displayName: 'u.display_name', role: 'u.role', createdAt: 'u.created_at' };

/** The caller as the access-token check reads it (UsersService.findActor). */
export type ActorRecord = Pick<User, 'id' | 'email' | 'role' | 'hospitalId' | 'volunteerId' | 'tokenVersion'>;

/** Accounts: who may sign in, with which role and scope. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly passwordPolicy: PasswordPolicy,
    private readonly clock: Clock,
    private readonly invitations: InvitationsService,
    private readonly actors: ActorCache,
  ) {}

  static view(user: User): UserView {
    const { id, email, role, displayName, locale, hospitalId, volunteerId, active } = user;
    return { id, email, role, displayName, locale, phone: user.phone ?? null, hospitalId, volunteerId, active };
  }

  findForLogin(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  findActive(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.findOne(User, { where: { id, active: true } });
  }

  /**
   * What a request needs to know about its caller, or null when the account is inactive: one
   * primary-key lookup of six columns, without entity hydration, since every authenticated request
   * runs it. Read on each request, not cached, so a deactivation or a bumped session generation
   * takes effect at once on every worker.
   */
  /**
   * After a transaction that ended the account's sessions (or changed its role or scope) has
   * committed: this process stops trusting its cached copy at once (the others hear the trigger).
   */
  sessionsChanged(id: string): void {
    this.actors.forget(id);
  }

  async findActor(id: string): Promise<ActorRecord | null> {
    const cached = this.actors.get(id);
    if (cached !== undefined) return cached;
    const mark = this.actors.mark();
    const rows: ActorRecord[] = await this.dataSource.query(
      `SELECT id, email, role, hospital_id AS "hospitalId", volunteer_id AS "volunteerId", token_version AS "tokenVersion"
         FROM users WHERE id = $1 AND active`,
      [id],
    );
    const actor = rows[0] ?? null;
    this.actors.remember(id, actor, mark);
    return actor;
  }

  async findActiveOrFail(id: string): Promise<User> {
    const user = await this.findActive(id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  async getView(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id } });
    if (!user) throw new NotFoundError('User');
    return UsersService.view(user);
  }

  async list(query: UserListQueryDto): Promise<Page<UserView>> {
    const [column, order] = sortColumn(query, SORTABLE, 'u.email');
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) qb.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const [rows, total] = await qb
      .orderBy(column, order)
      .addOrderBy('u.id')
      .skip(query.skip)
      .take(query.perPage)
      .getManyAndCount();
    return { data: rows.map((row) => UsersService.view(row)), total };
  }

  /**
   * Creates an account. Without a password the user is invited: the invitation and its mail are
   * written in the same transaction as the user (the caller's, or one of its own).
   */
  async create(input: CreateUserDto, manager?: EntityManager): Promise<UserView> {
    assertScope(input.role, input.hospitalId ?? null, input.volunteerId ?? null);
    // Feedback in the new account's language (ja unless given): the one the admin chose for it.
    if (input.password)
      this.passwordPolicy.assertStrong(input.password, {
        locale: input.locale ?? 'ja',
        userInputs: [input.email, input.displayName],
      });
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    const insert = async (m: EntityManager) => {
      const user = m.create(User, {
        email: input.email.trim().toLowerCase(),
        role: input.role,
        displayName: input.displayName,
        locale: input.locale ?? 'ja',
        phone: input.phone || null,
        hospitalId: input.hospitalId ?? null,
        volunteerId: input.volunteerId ?? null,
        passwordHash,
      });
      await m.insert(User, user);
      if (!passwordHash) await this.invitations.issue(m, user);
      return UsersService.view(user);
    };
    return manager ? insert(manager) : this.dataSource.transaction(insert);
  }

  /**
   * Admin change. A change of role, scope or a deactivation bumps the token version and revokes
   * refresh tokens in the same transaction: the user's sessions end at once.
   */
  async update(id: string, input: UpdateUserDto): Promise<UserView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const user = await lockOne(manager, User, { id });
      if (!user) throw new NotFoundError('User');
      const next = { ...user, ...definedOnly(input) };
      assertScope(next.role, next.hospitalId, next.volunteerId);
      const endsSessions =
        next.active !== user.active ||
        next.role !== user.role ||
        next.hospitalId !== user.hospitalId ||
        next.volunteerId !== user.volunteerId;
      if (endsSessions) {
        next.tokenVersion = user.tokenVersion + 1;
        await manager.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      }
      const saved = await manager.save(User, next);
      return UsersService.view(saved);
    });
    this.sessionsChanged(id);
    return view;
  }

  async updateSelf(id: string, input: Pick<UpdateUserDto, 'displayName' | 'locale'>): Promise<UserView> {
    await this.dataSource.getRepository(User).update({ id }, definedOnly(input));
    return this.getView(id);
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there is none. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ensure-admin']);
      if (await manager.exists(User, { where: { role: 'admin' } })) return false;
      if (await manager.exists(User, { where: { email: email.toLowerCase() } })) {
        throw new ConflictError('ADMIN_EMAIL_TAKEN', `ADMIN_EMAIL ${email} belongs to a non-admin account`);
      }
      try {
        this.passwordPolicy.assertStrong(password, { locale: 'en', userInputs: [email] });
      } catch (error) {
        if (error instanceof InvalidError)
          throw new InvalidError(`ADMIN_PASSWORD: ${error.message}`, { ADMIN_PASSWORD: [error.message] }, error.code);
        throw error;
      }
      await this.create({ email, password, role: 'admin', displayName: 'Administrator' }, manager);
      this.logger.log(`Created the admin account ${email}`);
      return true;
    });
  }
}

/** Coordinators belong to a hospital, volunteer accounts to a volunteer record, others to neither. */
function assertScope(role: Role, hospitalId: string | null, volunteerId: string | null): void {
  if (role === 'coordinator' && !hospitalId)
    throw InvalidError.field('hospitalId', 'A coordinator must belong to a hospital');
  if (role === 'volunteer' && !volunteerId)
    throw InvalidError.field('volunteerId', 'A volunteer account must be linked to a volunteer record');
  if (role !== 'coordinator' && hospitalId)
    throw InvalidError.field('hospitalId', `A ${role} account does not belong to a hospital`);
  if (role !== 'volunteer' && volunteerId)
    throw InvalidError.field('volunteerId', `A ${role} account is not linked to a volunteer record`);
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
