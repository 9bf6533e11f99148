import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ConflictError,
  CourseAttendance,
  evaluateTraining,
  InvalidError,
  NotFoundError,
  tokyoDate,
  TrainingCourse,
  TrainingRecord,
  Volunteer,
} from '@app/domain';
import { Clock } from '../common/clock';
import { Page, sortColumn } from '../common/pagination.dto';
import {
  AttendanceEntryDto,
  AttendanceView,
  CourseDetailView,
  CourseListQueryDto,
  CourseView,
  CreateCourseDto,
  TrainingHistoryEntry,
  TrainingStandingView,
  UpdateCourseDto,
} from './dto/course.dto';
import { TRAINING_CONFIG, TrainingConfig } from './training.config';
import { lockOne } from '../access/locks';

/** `sort=upcoming` (no column): courses not yet over soonest first, then the past ones latest first. */
const SORTABLE = { startsAt: 'c.starts_at', title: 'c.title', kind: 'c.kind', createdAt: 'c.created_at' };
const TAKEN = `(SELECT count(*) FROM course_attendances a WHERE a.course_id = c.id AND a.status IN ('registered', 'attended'))`;

/** Training courses, registration and attendance, and each volunteer's training standing. */
@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
  ) {}

  async list(query: CourseListQueryDto): Promise<Page<CourseView>> {
    const [column, order] = sortColumn(query, SORTABLE, 'c.starts_at');
    const qb = this.dataSource.getRepository(TrainingCourse).createQueryBuilder('c').addSelect(TAKEN, 'taken');
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('c.starts_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('c.starts_at < :to', { to: new Date(query.to) });
    const total = await qb.getCount();
    if (query.sort === 'upcoming') {
      // Courses not yet over, soonest first; then the past ones, latest first.
      qb.addSelect('CASE WHEN c.ends_at > :now THEN c.starts_at END', 'upcoming_at')
        .setParameter('now', this.clock.now())
        .orderBy('upcoming_at', 'ASC', 'NULLS LAST')
        .addOrderBy('c.starts_at', 'DESC');
    } else qb.orderBy(column, order);
    const { entities, raw } = await qb.addOrderBy('c.id').offset(query.skip).limit(query.perPage).getRawAndEntities();
    return { data: entities.map((c, i) => courseView(c, Number((raw[i] as { taken: string }).taken))), total };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CourseDetailView> {
    const course = await manager.findOne(TrainingCourse, { where: { id } });
    if (!course) throw new NotFoundError('Course');
    const rows: { volunteer_id: string; display_name: string; status: AttendanceView['status']; updated_at: Date }[] =
      await manager.query(
        `SELECT a.volunteer_id, v.display_name, a.status, a.updated_at FROM course_attendances a JOIN volunteers v ON v.id = a.volunteer_id
       WHERE a.course_id = $1 ORDER BY v.name_kana, v.id`,
        [id],
      );
    const attendance = rows.map((r) => ({
      volunteerId: r.volunteer_id,
      displayName: r.display_name,
      status: r.status,
      updatedAt: r.updated_at,
    }));
    const taken = attendance.filter((a) => a.status !== 'absent').length;
    return { ...courseView(course, taken), attendance };
  }

  async create(input: CreateCourseDto): Promise<CourseView> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    assertTimes(startsAt, endsAt);
    const repo = this.dataSource.getRepository(TrainingCourse);
    const course = await repo.save(repo.create({ ...input, venue: input.venue ?? '', startsAt, endsAt }));
    return courseView(course, 0);
  }

  async update(id: string, input: UpdateCourseDto): Promise<CourseView> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.lockCourse(manager, id);
      const { startsAt, endsAt, ...rest } = input;
      for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(course, { [key]: value });
      if (startsAt) course.startsAt = new Date(startsAt);
      if (endsAt) course.endsAt = new Date(endsAt);
      assertTimes(course.startsAt, course.endsAt);
      const taken = await this.taken(manager, id);
      if (taken > course.capacity) {
        throw new ConflictError(
          'COURSE_OVER_CAPACITY',
          `${taken} volunteers are registered or attended; capacity cannot be lower`,
          {
            capacity: [`must be at least ${taken}`],
          },
        );
      }
      return courseView(await manager.save(TrainingCourse, course), taken);
    });
  }

  /**
   * Upserts registration/attendance per volunteer. The course row is locked for the whole
   * transaction, so concurrent calls are serialised and never exceed the capacity together.
   */
  async putAttendance(id: string, entries: AttendanceEntryDto[]): Promise<CourseDetailView> {
    const errors: Record<string, string[]> = {};
    const seen = new Map<string, number>();
    entries.forEach((e, i) => {
      if (seen.has(e.volunteerId)) errors[`${i}.volunteerId`] = [`listed twice (also at ${seen.get(e.volunteerId)})`];
      seen.set(e.volunteerId, i);
    });
    if (Object.keys(errors).length) throw new InvalidError('A volunteer is listed twice', errors);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.lockCourse(manager, id);
      const now = this.clock.now();
      // Registering ahead is the point of a register; attended or absent is a record of the day.
      const marked = entries.map((e, i) => [e, i] as const).filter(([e]) => e.status !== 'registered');
      if (marked.length && course.startsAt.getTime() > now.getTime()) {
        throw new ConflictError(
          'COURSE_NOT_STARTED',
          `「${course.title}」 starts at ${course.startsAt.toISOString()}: attendance can be marked once it has started`,
          Object.fromEntries(marked.map(([, i]) => [`${i}.status`, ['the course has not started']])),
        );
      }
      const ids = [...seen.keys()];
      const known = new Set(
        (await manager.find(Volunteer, { select: { id: true }, where: { id: In(ids) } })).map((v) => v.id),
      );
      entries.forEach((e, i) => {
        if (!known.has(e.volunteerId)) errors[`${i}.volunteerId`] = ['no such volunteer'];
      });
      if (Object.keys(errors).length) throw new InvalidError('Unknown volunteers', errors);
      for (const e of entries) {
        await manager.query(
          `INSERT INTO course_attendances (course_id, volunteer_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (course_id, volunteer_id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
           WHERE course_attendances.status <> EXCLUDED.status`,
          [id, e.volunteerId, e.status, now],
        );
      }
      const taken = await this.taken(manager, id);
      if (taken > course.capacity) {
        throw new ConflictError(
          'COURSE_FULL',
          `The course has ${course.capacity} places; this would make ${taken} registered or attended`,
          {
            capacity: [`${taken} > ${course.capacity}`],
          },
        );
      }
      return this.get(id, manager);
    });
  }

  /**
   * Takes a registration off the register (the volunteer withdrew before the course), freeing
   * its place. Attendance once marked (attended or absent) is the training record and stays.
   */
  async removeRegistration(id: string, volunteerId: string): Promise<CourseDetailView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockCourse(manager, id);
      const entry = await manager.findOne(CourseAttendance, { where: { courseId: id, volunteerId } });
      if (!entry) throw new NotFoundError('Registration');
      if (entry.status !== 'registered') {
        throw new ConflictError(
          'ATTENDANCE_RECORDED',
          `The volunteer is marked ${entry.status}: attendance stays on the training record`,
          { volunteerId: [entry.status] },
        );
      }
      await manager.delete(CourseAttendance, { courseId: id, volunteerId });
      return this.get(id, manager);
    });
  }

  /** Attendance history and standing (the configured rule, evaluated on today's Tokyo date). */
  async standing(volunteerId: string): Promise<TrainingStandingView> {
    const history = (await this.histories([volunteerId])).get(volunteerId) ?? [];
    return { volunteerId, attendance: history, ...this.evaluate(history) };
  }

  evaluate(history: readonly TrainingHistoryEntry[]) {
    const records: TrainingRecord[] = history.map((h) => ({ kind: h.kind, status: h.status, startsAt: h.startsAt }));
    return evaluateTraining(records, tokyoDate(this.clock.now()), this.config.rule);
  }

  /** Every course record of these volunteers, oldest first. */
  async histories(
    volunteerIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TrainingHistoryEntry[]>> {
    const out = new Map<string, TrainingHistoryEntry[]>();
    if (volunteerIds.length === 0) return out;
    const rows: {
      volunteer_id: string;
      course_id: string;
      title: string;
      kind: TrainingHistoryEntry['kind'];
      starts_at: Date;
      ends_at: Date;
      hours: string;
      status: TrainingHistoryEntry['status'];
    }[] = await manager.query(
      `SELECT a.volunteer_id, c.id AS course_id, c.title, c.kind, c.starts_at, c.ends_at, c.hours, a.status
         FROM course_attendances a JOIN training_courses c ON c.id = a.course_id
         WHERE a.volunteer_id = ANY($1::uuid[]) ORDER BY c.starts_at, c.id`,
      [volunteerIds],
    );
    for (const r of rows) {
      const entry = {
        courseId: r.course_id,
        title: r.title,
        kind: r.kind,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        hours: Number(r.hours),
        status: r.status,
      };
      const list = out.get(r.volunteer_id);
      if (list) list.push(entry);
      else out.set(r.volunteer_id, [entry]);
    }
    return out;
  }

  get settings(): TrainingConfig {
    return this.config;
  }

  private async lockCourse(manager: EntityManager, id: string): Promise<TrainingCourse> {
    const course = await lockOne(manager, TrainingCourse, { id });
    if (!course) throw new NotFoundError('Course');
    return course;
  }

  private async taken(manager: EntityManager, courseId: string): Promise<number> {
    return manager.count(CourseAttendance, { where: { courseId, status: In(['registered', 'attended']) } });
  }
}

function assertTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw InvalidError.field('endsAt', 'endsAt must be later than startsAt');
}

function courseView(c: TrainingCourse, taken: number): CourseView {
  const { id, title, kind, startsAt, endsAt, venue, capacity, hours } = c;
  return { id, title, kind, startsAt, endsAt, venue, capacity, hours, taken };
}
