import { TZDate } from '@date-fns/tz';
import { addDays, nextTuesday, set } from 'date-fns';
import { Department, VisitType } from '@app/matching';
import { CreateRequestDto } from '../requests/dto/request.dto';

const TOKYO = 'Asia/Tokyo';

interface DemoRequest {
  hospital: string;
  input: CreateRequestDto;
}

/** A Tokyo wall time `days` after `from` (or on `day`), as ISO with offset. */
function at(day: Date, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return set(new TZDate(day, TOKYO), { hours, minutes, seconds: 0, milliseconds: 0 }).toISOString();
}

function request(
  language: string,
  day: Date,
  from: string,
  to: string,
  department: Department,
  visitType: VisitType,
  patient: CreateRequestDto['patient'],
): CreateRequestDto {
  return { language, startsAt: at(day, from), endsAt: at(day, to), department, visitType, patient };
}

/**
 * Requests of the demo, relative to today: the common case (Vietnamese outpatient next Tuesday)
 * that fills itself, and hard cases (Nepali oncology consent tomorrow) that reach staff.
 */
export function demoRequests(now: Date): DemoRequest[] {
  const today = new TZDate(now, TOKYO);
  return [
    {
      hospital: '熊本中央病院',
      input: {
        ...request('vi', nextTuesday(today), '10:00', '12:00', 'internal_medicine', 'outpatient', {
          displayName: 'グエン・ヴァン・ナム',
          gender: 'male',
          ageBand: 'adult',
          nationality: 'VN',
        }),
        notesForInterpreter: '1階総合受付で待ち合わせ。受付で「医療通訳です」とお伝えください。',
      },
    },
    {
      hospital: '熊本中央病院',
      input: request('zh', addDays(today, 5), '09:30', '10:30', 'internal_medicine', 'test_results', {
        displayName: '陳 美玲',
        gender: 'female',
        ageBand: 'adult',
        nationality: 'TW',
      }),
    },
    {
      hospital: '熊本東医療センター',
      input: request('ne', addDays(today, 1), '10:00', '11:30', 'oncology', 'informed_consent', {
        displayName: 'タパ・ラム',
        gender: 'male',
        ageBand: 'senior',
        nationality: 'NP',
      }),
    },
    {
      hospital: '菊陽台クリニック',
      input: request('tl', addDays(today, 8), '14:00', '15:00', 'pediatrics', 'examination', {
        displayName: 'サントス・ミア',
        gender: 'female',
        ageBand: 'child',
        nationality: 'PH',
      }),
    },
  ];
}
