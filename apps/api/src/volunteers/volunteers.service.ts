import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  InterpretationRequest,
  InvalidError,
  NotFoundError,
  User,
  Volunteer,
  VolunteerBan,
  VolunteerLevelChange,
} from '@app/domain';
import type { Availability, Level } from '@app/matching';
import { Clock } from '../common/clock';
import { Actor } from '../common/decorators/current-user.decorator';
import { Page, sortColumn } from '../common/pagination.dto';
import { UserView } from '../auth/dto/auth.dto';
import { escapeLike, UsersService } from '../users/users.service';
import { TrainingStandingView } from '../training/dto/course.dto';
import { TrainingService } from '../training/training.service';
import { AvailabilityDto } from './dto/availability.dto';
import {
  CreateBanDto,
  CreateVolunteerAccountDto,
  CreateVolunteerDto,
  DEFAULT_MAX_DISPATCHES_PER_MONTH,
  UpdateOwnVolunteerDto,
  UpdateVolunteerDto,
  VolunteerListQueryDto,
} from './dto/volunteer.dto';
import {
  BanView,
  CalendarFeedView,
  LevelChangeView,
  OwnVolunteerView,
  VolunteerDetailView,
  VolunteerView,
} from './dto/volunteer-view.dto';
import { CalendarService } from '../calendar/calendar.service';
import {
  assertAvailability,
  EMPTY_AVAILABILITY,
  languageErrors,
  normalizeAvailability,
  normalizeLanguages,
} from './volunteer-input';
import { may, requireAccess } from '../access/access';
import { getPageAndCount } from '../common/page-query';
import { lockOne } from '../access/locks';

const SORTABLE = {
  displayName: 'v.display_name',
  nameKana: 'v.name_kana',
  email: 'v.email',
  level: 'v.level',
  status: 'v.status',
  createdAt: 'v.created_at',
};

/** Volunteer profiles, availability, bans, level history and sign-in accounts. */
@Injectable()
export class VolunteersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly trainingService: TrainingService,
    private readonly calendars: CalendarService,
  ) {}

  static view(v: Volunteer): VolunteerView {
    const {
      id,
      displayName,
      nameKana,
      email,
      phone,
      gender,
      homeArea,
      languages,
      level,
      status,
      pledgeSignedAt,
      insuranceValidUntil,
    } = v;
    const { maxDispatchesPerMonth, registeredAt, lastDispatchAt, createdAt, updatedAt } = v;
    return {
      id,
      displayName,
      nameKana,
      email,
      phone,
      gender,
      homeArea,
      languages,
      level,
      status,
      pledgeSignedAt,
      insuranceValidUntil,
      maxDispatchesPerMonth,
      registeredAt,
      lastDispatchAt,
      createdAt,
      updatedAt,
    };
  }

  async list(query: VolunteerListQueryDto): Promise<Page<VolunteerView>> {
    const [column, order] = sortColumn(query, SORTABLE, 'v.name_kana');
    const qb = this.dataSource.getRepository(Volunteer).createQueryBuilder('v');
    if (query.language)
      qb.andWhere('v.languages @> :lang::jsonb', { lang: JSON.stringify([{ code: query.language }]) });
    if (query.level) qb.andWhere('v.level = :level', { level: query.level });
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    if (query.homeArea) qb.andWhere('v.home_area = :homeArea', { homeArea: query.homeArea });
    if (query.q)
      qb.andWhere('(v.display_name ILIKE :q OR v.name_kana ILIKE :q OR v.email ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    const [rows, total] = await getPageAndCount(
      qb.orderBy(column, order).addOrderBy('v.id'),
      query.skip,
      query.perPage,
    );
    return { data: rows.map((row) => VolunteersService.view(row)), total };
  }

  async create(input: CreateVolunteerDto, manager?: EntityManager): Promise<VolunteerDetailView> {
    const run = async (m: EntityManager) => this.detail((await this.insert(m, input)).id, m);
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Inserts a new volunteer (registered now, by the app clock). */
  async insert(m: EntityManager, input: CreateVolunteerDto): Promise<Volunteer> {
    const errors = languageErrors(input.languages);
    if (Object.keys(errors).length) throw new InvalidError('Check the languages', errors);
    const availability = input.availability ? normalizeAvailability(input.availability) : EMPTY_AVAILABILITY;
    assertAvailability(availability, 'availability.');
    const volunteer = m.create(Volunteer, {
      ...this.profileFields(input),
      level: input.level ?? 'trainee',
      status: input.status ?? 'active',
      maxDispatchesPerMonth: input.maxDispatchesPerMonth ?? DEFAULT_MAX_DISPATCHES_PER_MONTH,
      availability,
      registeredAt: this.clock.now(),
      lastDispatchAt: null,
    });
    return m.save(Volunteer, volunteer);
  }

  /** Staff see any volunteer in full; a volunteer only themselves, without staff-only parts. */
  async get(actor: Actor, id: string): Promise<VolunteerView | VolunteerDetailView> {
    this.assertCanRead(actor, id);
    if (actor.role === 'volunteer') return VolunteersService.view(await this.findOrFail(id));
    return this.detail(id);
  }

  /** The own record with the calendar subscription address, which only the volunteer ever sees. */
  async me(actor: Actor): Promise<OwnVolunteerView> {
    const volunteer = await this.findOrFail(this.ownId(actor));
    const calendarFeedUrl = await this.calendars.feedUrl(this.dataSource.manager, volunteer);
    return { ...VolunteersService.view(volunteer), calendarFeedUrl };
  }

  async updateMe(actor: Actor, input: UpdateOwnVolunteerDto): Promise<OwnVolunteerView> {
    const id = this.ownId(actor);
    return this.dataSource.transaction(async (m) => {
      const volunteer = await this.lock(m, id);
      Object.assign(volunteer, definedOnly(this.profileFields(input)));
      const saved = await m.save(Volunteer, volunteer);
      return { ...VolunteersService.view(saved), calendarFeedUrl: await this.calendars.feedUrl(m, saved) };
    });
  }

  /** A new calendar subscription address for the signed-in volunteer; the old one stops working. */
  async renewCalendarFeed(actor: Actor): Promise<CalendarFeedView> {
    return { calendarFeedUrl: await this.calendars.renewFeed(this.ownId(actor)) };
  }

  async update(actor: Actor, id: string, input: UpdateVolunteerDto): Promise<VolunteerDetailView> {
    return this.dataSource.transaction(async (m) => {
      const volunteer = await this.lock(m, id);
      await this.applyUpdate(m, actor.id, volunteer, input, input.levelChangeReason);
      return this.detail(id, m);
    });
  }

  /**
   * Applies a staff change to a locked volunteer; a level change is recorded with who, when and
   * why (the reason is required). Returns whether anything changed.
   */
  async applyUpdate(
    m: EntityManager,
    actorId: string | null,
    volunteer: Volunteer,
    input: Omit<UpdateVolunteerDto, 'levelChangeReason'>,
    reason?: string,
  ): Promise<boolean> {
    if (input.languages) {
      const errors = languageErrors(input.languages);
      if (Object.keys(errors).length) throw new InvalidError('Check the languages', errors);
    }
    const before = JSON.stringify(VolunteersService.view(volunteer));
    const fromLevel = volunteer.level;
    const { level, status, maxDispatchesPerMonth } = input;
    Object.assign(volunteer, definedOnly({ ...this.profileFields(input), level, status, maxDispatchesPerMonth }));
    if (level && level !== fromLevel) {
      if (!reason?.trim())
        throw InvalidError.field(
          'levelChangeReason',
          'A level change needs a reason (levelChangeReason)',
          undefined,
          'REQUIRED',
        );
      await this.recordLevelChange(m, volunteer.id, fromLevel, level, actorId, reason.trim());
    }
    if (JSON.stringify(VolunteersService.view(volunteer)) === before) return false;
    await m.save(Volunteer, volunteer);
    return true;
  }

  async getAvailability(actor: Actor, id: string): Promise<Availability> {
    this.assertCanRead(actor, id);
    return (await this.findOrFail(id)).availability;
  }

  /** Replaces the availability; an invalid document is refused whole (422 naming the field). */
  async putAvailability(actor: Actor, id: string, input: AvailabilityDto): Promise<Availability> {
    this.assertCanRead(actor, id);
    const availability = normalizeAvailability(input);
    assertAvailability(availability);
    return this.dataSource.transaction(async (m) => {
      const volunteer = await this.lock(m, id);
      volunteer.availability = availability;
      await m.save(Volunteer, volunteer);
      return availability;
    });
  }

  async training(actor: Actor, id: string): Promise<TrainingStandingView> {
    this.assertCanRead(actor, id);
    await this.findOrFail(id);
    return this.trainingService.standing(id);
  }

  async addBan(actor: Actor, id: string, input: CreateBanDto): Promise<BanView> {
    const given = [input.hospitalId, input.patientKey, input.requestId].filter((v) => v !== undefined).length;
    if (given !== 1) {
      const message = 'Give exactly one of hospitalId, patientKey or requestId';
      throw new InvalidError(message, { hospitalId: [message], patientKey: [message], requestId: [message] });
    }
    return this.dataSource.transaction(async (m) => {
      await this.lock(m, id);
      const patientKey = input.requestId
        ? await this.patientKeyOfRequest(m, input.requestId)
        : (input.patientKey ?? null);
      const ban = m.create(VolunteerBan, {
        volunteerId: id,
        hospitalId: input.hospitalId ?? null,
        patientKey,
        reason: input.reason,
        createdBy: actor.id,
      });
      await m.save(VolunteerBan, ban);
      return banView(ban);
    });
  }

  /** The pseudonymous patient key a request carries (set from the hospital's patient reference). */
  private async patientKeyOfRequest(m: EntityManager, requestId: string): Promise<string> {
    const request = await m.findOne(InterpretationRequest, {
      where: { id: requestId },
      select: { id: true, patientKey: true },
    });
    if (!request) throw InvalidError.field('requestId', 'No such request');
    if (!request.patientKey)
      throw InvalidError.field('requestId', 'This request carries no patient reference to ban by');
    return request.patientKey;
  }

  async removeBan(id: string, banId: string): Promise<void> {
    const result = await this.dataSource.getRepository(VolunteerBan).delete({ id: banId, volunteerId: id });
    if (!result.affected) throw new NotFoundError('Ban');
  }

  /** A sign-in account (role volunteer) linked to the volunteer record. */
  async createAccount(id: string, input: CreateVolunteerAccountDto): Promise<UserView> {
    return this.dataSource.transaction(async (m) => {
      const volunteer = await this.lock(m, id);
      return this.users.create(
        {
          email: input.email ?? volunteer.email,
          password: input.password,
          locale: input.locale,
          role: 'volunteer',
          displayName: volunteer.displayName,
          volunteerId: id,
        },
        m,
      );
    });
  }

  async detail(id: string, m: EntityManager = this.dataSource.manager): Promise<VolunteerDetailView> {
    const volunteer = await m.findOne(Volunteer, { where: { id } });
    if (!volunteer) throw new NotFoundError('Volunteer');
    const bans = await m.find(VolunteerBan, { where: { volunteerId: id }, order: { createdAt: 'ASC' } });
    const history: {
      from_level: Level;
      to_level: Level;
      changed_by: string | null;
      name: string | null;
      reason: string;
      changed_at: Date;
    }[] = await m.query(
      `SELECT c.from_level, c.to_level, c.changed_by, u.display_name AS name, c.reason, c.changed_at
       FROM volunteer_level_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.volunteer_id = $1 ORDER BY c.changed_at, c.id`,
      [id],
    );
    const account = await m.findOne(User, { where: { volunteerId: id } });
    const levelHistory: LevelChangeView[] = history.map((h) => ({
      from: h.from_level,
      to: h.to_level,
      changedBy: h.changed_by,
      changedByName: h.name,
      reason: h.reason,
      at: h.changed_at,
    }));
    return {
      ...VolunteersService.view(volunteer),
      availability: volunteer.availability as AvailabilityDto,
      bans: bans.map(banView),
      levelHistory,
      account: account ? { id: account.id, email: account.email, active: account.active } : null,
    };
  }

  async recordLevelChange(
    m: EntityManager,
    volunteerId: string,
    from: Level,
    to: Level,
    changedBy: string | null,
    reason: string,
  ): Promise<void> {
    await m.insert(VolunteerLevelChange, {
      volunteerId,
      fromLevel: from,
      toLevel: to,
      changedBy,
      reason,
      changedAt: this.clock.now(),
    });
  }

  private profileFields(
    input: Partial<
      Pick<
        CreateVolunteerDto,
        | 'displayName'
        | 'nameKana'
        | 'email'
        | 'phone'
        | 'gender'
        | 'homeArea'
        | 'languages'
        | 'pledgeSignedAt'
        | 'insuranceValidUntil'
      >
    >,
  ) {
    return {
      displayName: input.displayName,
      nameKana: input.nameKana,
      email: input.email,
      phone: input.phone === undefined ? undefined : (input.phone ?? null) || null,
      gender: input.gender,
      homeArea: input.homeArea,
      languages: input.languages ? normalizeLanguages(input.languages) : undefined,
      pledgeSignedAt:
        input.pledgeSignedAt === undefined
          ? undefined
          : input.pledgeSignedAt === null
            ? null
            : new Date(input.pledgeSignedAt),
      insuranceValidUntil: input.insuranceValidUntil,
    };
  }

  private assertCanRead(actor: Actor, id: string): void {
    requireAccess(may.seeVolunteer(actor, id), 'Volunteer');
  }

  private ownId(actor: Actor): string {
    if (!actor.volunteerId) throw new NotFoundError('Volunteer');
    return actor.volunteerId;
  }

  private async findOrFail(id: string): Promise<Volunteer> {
    const volunteer = await this.dataSource.getRepository(Volunteer).findOne({ where: { id } });
    if (!volunteer) throw new NotFoundError('Volunteer');
    return volunteer;
  }

  private async lock(m: EntityManager, id: string): Promise<Volunteer> {
    const volunteer = await lockOne(m, Volunteer, { id });
    if (!volunteer) throw new NotFoundError('Volunteer');
    return volunteer;
  }
}

function banView(b: VolunteerBan): BanView {
  return {
    id: b.id,
    hospitalId: b.hospitalId,
    patientKey: b.patientKey,
    reason: b.reason,
    createdBy: b.createdBy,
    createdAt: b.createdAt,
  };
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
