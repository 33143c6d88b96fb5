/**
 * What the leader's home says about the day (issue 11; R-DUTY-2): whether the leader is on duty
 * and what they recorded, the windows' bookings, and which escalations are still open. Pure: the
 * caller passes what the actions returned, so the weapp tests check the words with fixed data.
 */
import { shanghaiTime } from '@shared/domain/time';

export interface DutyToday {
  date: string;
  workingDay: boolean;
  published: boolean;
  leaders: ReadonlyArray<{ id: string; name: string }>;
}

export interface DutyRecord {
  date: string;
  leaderId: string;
  presentAt: string;
  receptions: readonly unknown[];
}

/** The leader's duty today, in words, and whether they still have to record their presence. */
export function dutyLine(today: DutyToday, userId: string, records: readonly DutyRecord[] | null): { onDuty: boolean; text: string; toRecord: boolean } {
  const onDuty = today.leaders.some((l) => l.id === userId);
  if (!onDuty) {
    const who = today.leaders.length ? `今日带班领导:${today.leaders.map((l) => l.name).join('、')}。` : today.workingDay ? '今日带班安排暂未公示。' : '今天休息,无带班安排。';
    return { onDuty, text: `${who}您今天不带班。`, toRecord: false };
  }
  const mine = (records ?? []).find((r) => r.date === today.date && r.leaderId === userId);
  if (!mine) return { onDuty, text: '您今天带班,尚未登记到岗。', toRecord: true };
  return { onDuty, text: `您今天带班,已于${shanghaiTime(new Date(mine.presentAt))}登记到岗,接访${mine.receptions.length}人。`, toRecord: false };
}

export interface WindowCount {
  windowId: string;
  windowName: string;
  booked: number;
  arrived: number;
  cancelled: number;
}

/** One window's day at a glance: '待到3人 · 已到2人 · 取消1人', or that there is none. */
export function windowLine(w: WindowCount): string {
  if (w.booked + w.arrived + w.cancelled === 0) return '今日无预约';
  return [`待到${w.booked}人`, `已到${w.arrived}人`, ...(w.cancelled ? [`取消${w.cancelled}人`] : [])].join(' · ');
}

/** Complaints still being handled: classed major (R-CMP-7) and not yet replied to. */
export const OPEN_COMPLAINT_STATES: readonly string[] = ['received', 'registered', 'investigating', 'handled'];
export function openMajorComplaints<T extends { klass: string; state: string }>(list: readonly T[]): T[] {
  return list.filter((c) => c.klass === 'major' && OPEN_COMPLAINT_STATES.includes(c.state));
}

/** Collective or urgent petitions (R-PET-2) not yet answered. */
export function openAlertPetitions<T extends { collective: boolean; urgent: boolean; state: string }>(list: readonly T[]): T[] {
  return list.filter((p) => (p.collective || p.urgent) && p.state !== 'replied' && p.state !== 'closed');
}
