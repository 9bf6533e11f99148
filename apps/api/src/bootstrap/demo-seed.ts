import { TZDate } from '@date-fns/tz';
import { DataSource, EntityManager } from 'typeorm';
import { CourseAttendance, Hospital, TrainingCourse, User, Volunteer } from '@app/domain';
import type { Availability, Gender, LanguageSkill, Level } from '@app/matching';
import { validateAvailability } from '@app/matching';
import { seedDemoHistory } from './demo-history';

/** The password of every demo account (printed at start-up; demo only). */
export const DEMO_PASSWORD = 'demo-password-2026';

const HOSPITALS = [
  {
    name: '熊本中央病院',
    area: '中央区',
    address: '熊本市中央区本荘1-1-1',
    phone: '096-000-0101',
    coordinator: '田中 美香',
  },
  {
    name: '熊本東医療センター',
    area: '東区',
    address: '熊本市東区健軍2-2-2',
    phone: '096-000-0202',
    coordinator: '佐藤 健一',
  },
  {
    name: '菊陽台クリニック',
    area: '菊陽町',
    address: '菊池郡菊陽町津久礼3-3-3',
    phone: '096-000-0303',
    coordinator: '中村 由紀',
  },
] as const;

const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));

interface DemoVolunteer {
  displayName: string;
  nameKana: string;
  gender: Gender;
  homeArea: string;
  languages: LanguageSkill[];
  level: Level;
  weekly: Availability['weekly'];
  account?: boolean;
  training: ('initial' | 'skill_up_last' | 'skill_up_this')[];
}

const VOLUNTEERS: DemoVolunteer[] = [
  {
    displayName: 'グエン・ティ・ラン',
    nameKana: 'グエン ティ ラン',
    gender: 'female',
    homeArea: '中央区',
    languages: [
      { code: 'vi', proficiency: 'native' },
      { code: 'en', proficiency: 'business' },
    ],
    level: 'advanced',
    weekly: weekdays([1, 2, 3, 4, 5], '09:00', '17:00'),
    account: true,
    training: ['initial', 'skill_up_this'],
  },
  {
    displayName: 'チャン・ヴァン・ミン',
    nameKana: 'チャン ヴァン ミン',
    gender: 'male',
    homeArea: '東区',
    languages: [{ code: 'vi', proficiency: 'native' }],
    level: 'standard',
    weekly: weekdays([2, 4], '13:00', '18:00'),
    training: ['initial', 'skill_up_last'],
  },
  {
    displayName: '王 麗華',
    nameKana: 'オウ レイカ',
    gender: 'female',
    homeArea: '西区',
    languages: [
      { code: 'zh', proficiency: 'native' },
      { code: 'ja', proficiency: 'fluent' },
    ],
    level: 'advanced',
    weekly: weekdays([1, 3, 5], '09:00', '12:00'),
    account: true,
    training: ['initial', 'skill_up_this'],
  },
  {
    displayName: '李 明',
    nameKana: 'リ ミン',
    gender: 'male',
    homeArea: '北区',
    languages: [{ code: 'zh', proficiency: 'native' }],
    level: 'standard',
    weekly: weekdays([6, 7], '10:00', '16:00'),
    training: ['initial'],
  },
  {
    displayName: 'ラマ・スニタ',
    nameKana: 'ラマ スニタ',
    gender: 'female',
    homeArea: '南区',
    languages: [
      { code: 'ne', proficiency: 'native' },
      { code: 'en', proficiency: 'fluent' },
    ],
    level: 'standard',
    weekly: weekdays([1, 2, 3], '10:00', '15:00'),
    account: true,
    training: ['initial', 'skill_up_last'],
  },
  {
    displayName: 'マリア・サントス',
    nameKana: 'マリア サントス',
    gender: 'female',
    homeArea: '合志市',
    languages: [
      { code: 'tl', proficiency: 'native' },
      { code: 'en', proficiency: 'fluent' },
    ],
    level: 'standard',
    weekly: weekdays([1, 2, 3, 4, 5], '13:00', '17:00'),
    training: ['initial', 'skill_up_this'],
  },
  {
    displayName: 'デウィ・プトゥリ',
    nameKana: 'デウィ プトゥリ',
    gender: 'female',
    homeArea: '菊陽町',
    languages: [{ code: 'id', proficiency: 'native' }],
    level: 'trainee',
    weekly: weekdays([4, 5], '09:00', '12:00'),
    training: [],
  },
  {
    displayName: '金 志恩',
    nameKana: 'キム ジウン',
    gender: 'female',
    homeArea: '中央区',
    languages: [
      { code: 'ko', proficiency: 'native' },
      { code: 'ja', proficiency: 'native' },
    ],
    level: 'advanced',
    weekly: weekdays([1, 3], '09:00', '18:00'),
    training: ['initial', 'skill_up_this'],
  },
  {
    displayName: 'ジョン・スミス',
    nameKana: 'ジョン スミス',
    gender: 'male',
    homeArea: '中央区',
    languages: [{ code: 'en', proficiency: 'native' }],
    level: 'standard',
    weekly: weekdays([2, 4, 6], '09:00', '13:00'),
    training: ['initial', 'skill_up_last'],
  },
  {
    displayName: 'アウン・ミン・ウー',
    nameKana: 'アウン ミン ウー',
    gender: 'male',
    homeArea: '益城町',
    languages: [
      { code: 'my', proficiency: 'native' },
      { code: 'en', proficiency: 'business' },
    ],
    level: 'trainee',
    weekly: weekdays([7], '09:00', '17:00'),
    training: ['initial'],
  },
  {
    displayName: 'ソムチャイ・ウォン',
    nameKana: 'ソムチャイ ウォン',
    gender: 'male',
    homeArea: '宇土市',
    languages: [{ code: 'th', proficiency: 'native' }],
    level: 'standard',
    weekly: weekdays([1, 5], '13:00', '17:00'),
    training: ['initial', 'skill_up_this'],
  },
  {
    displayName: 'アナ・ペレイラ',
    nameKana: 'アナ ペレイラ',
    gender: 'female',
    homeArea: '菊池市',
    languages: [
      { code: 'pt', proficiency: 'native' },
      { code: 'es', proficiency: 'fluent' },
    ],
    level: 'standard',
    weekly: weekdays([2, 3], '09:00', '16:00'),
    training: ['initial', 'skill_up_last'],
  },
];

/** Demo availability documents (exported so a test can check they are valid). */
export const DEMO_AVAILABILITY = VOLUNTEERS.map((v) => ({ weekly: v.weekly, exceptions: [] }) satisfies Availability);

export interface DemoSeedResult {
  seeded: boolean;
  coordinators: string[];
  volunteerAccounts: string[];
}

/**
 * Loads demo hospitals (each with a coordinator), volunteers (some with accounts) and training
 * records, in one transaction, when there are no hospitals yet. Safe on concurrent boots.
 */
export async function seedDemoData(
  dataSource: DataSource,
  passwordHash: () => Promise<string>,
  now: Date,
): Promise<DemoSeedResult> {
  return dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['seed-demo']);
    if (await m.exists(Hospital)) return { seeded: false, coordinators: [], volunteerAccounts: [] };
    const hash = await passwordHash();
    const coordinators: string[] = [];
    const hospitals: Hospital[] = [];
    for (const [i, h] of HOSPITALS.entries()) {
      const hospital = await m.save(
        Hospital,
        m.create(Hospital, { name: h.name, area: h.area, address: h.address, phone: h.phone, active: true }),
      );
      const email = `coordinator${i + 1}@example.jp`;
      await m.insert(User, {
        email,
        role: 'coordinator',
        displayName: h.coordinator,
        locale: 'ja',
        // The coordinator's direct line: the hospital's number and an extension, for the interpreter on the day.
        phone: h.phone ? `${h.phone} 内線${201 + i}` : null,
        hospitalId: hospital.id,
        passwordHash: hash,
      });
      coordinators.push(email);
      hospitals.push(hospital);
    }
    const courses = await demoCourses(m, now);
    const volunteerAccounts: string[] = [];
    const volunteers: Volunteer[] = [];
    for (const [i, v] of VOLUNTEERS.entries()) {
      const email = `volunteer${i + 1}@example.jp`;
      const problems = validateAvailability({ weekly: v.weekly, exceptions: [] });
      if (problems.length) throw new Error(`Demo availability of ${email} is invalid: ${problems[0].field}`);
      const volunteer = await m.save(
        Volunteer,
        m.create(Volunteer, {
          displayName: v.displayName,
          nameKana: v.nameKana,
          email,
          phone: `090-0000-${String(1000 + i)}`,
          gender: v.gender,
          homeArea: v.homeArea,
          languages: v.languages,
          level: v.level,
          status: 'active',
          pledgeSignedAt: v.training.length ? courses.initial.startsAt : null,
          insuranceValidUntil: `${fiscalYear(now) + 1}-03-31`,
          maxDispatchesPerMonth: 4,
          availability: { weekly: v.weekly, exceptions: [] },
          registeredAt: now,
          lastDispatchAt: null,
        }),
      );
      volunteers.push(volunteer);
      for (const record of v.training) {
        const course =
          record === 'initial'
            ? courses.initial
            : record === 'skill_up_last'
              ? courses.skillUpLast
              : courses.skillUpThis;
        await m.insert(CourseAttendance, { courseId: course.id, volunteerId: volunteer.id, status: 'attended' });
      }
      if (v.account) {
        await m.insert(User, {
          email,
          role: 'volunteer',
          displayName: v.displayName,
          locale: 'ja',
          volunteerId: volunteer.id,
          passwordHash: hash,
        });
        volunteerAccounts.push(email);
      }
    }
    await seedDemoHistory(m, now, { hospitals, volunteers });
    return { seeded: true, coordinators, volunteerAccounts };
  });
}

function fiscalYear(now: Date): number {
  const d = new TZDate(now.getTime(), 'Asia/Tokyo');
  return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
}

/** An initial course two years back, a skill-up last fiscal year and one this fiscal year (June). */
async function demoCourses(m: EntityManager, now: Date) {
  const fy = fiscalYear(now);
  const at = (year: number, month: number, day: number, hour: number) =>
    new TZDate(year, month - 1, day, hour, 0, 'Asia/Tokyo');
  const make = (title: string, kind: 'initial' | 'skill_up', year: number, month: number, day: number, hours: number) =>
    m.save(
      TrainingCourse,
      m.create(TrainingCourse, {
        title,
        kind,
        startsAt: at(year, month, day, 10),
        endsAt: at(year, month, day, 10 + hours),
        venue: '熊本市国際交流会館',
        capacity: 40,
        hours,
      }),
    );
  const initial = await make(`医療通訳ボランティア養成講座 ${fy - 2}`, 'initial', fy - 2, 9, 14, 6);
  const skillUpLast = await make(`スキルアップ研修 ${fy - 1}（小児科）`, 'skill_up', fy - 1, 11, 8, 3);
  const skillUpThis = await make(`スキルアップ研修 ${fy}（インフォームド・コンセント）`, 'skill_up', fy, 6, 14, 3);
  return { initial, skillUpLast, skillUpThis };
}
