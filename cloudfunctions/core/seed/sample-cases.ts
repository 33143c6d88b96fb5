/**
 * An accepted case at 白沙's 人社 window, on the demo organisation: the one shape the sweep bench
 * (scripts/bench.ts, a million of them) and the sweep tests (test/usecases/sweep-parallel.test.ts)
 * fill a store with. The caller gives what differs: the id, the number's sequence, the dates.
 */
import type { Case } from '../../../shared/domain/cases';
import { demoUserId } from './demo';

export interface SampleCaseDates {
  at: string;
  acceptedOn: string;
  deadline: string;
  nextReminderOn: string;
}

export function sampleAcceptedCase(id: string, n: number, d: SampleCaseDates): Case {
  return {
    id,
    number: `J20260302-RS-${n}`,
    centerId: 'c-baisha',
    windowId: 'w-baisha-rs',
    itemId: 'item-baisha-rs-002',
    itemName: '城乡居民基本养老保险待遇领取',
    applicantName: `村民${n}`,
    firstAskId: demoUserId('c-baisha', 'staff-cl'),
    firstAskName: '孙浩',
    postId: 'post-baisha-rs',
    handlerId: demoUserId('c-baisha', 'staff-rs'),
    handlerName: '杨帆',
    status: 'accepted',
    createdAt: d.at,
    updatedAt: d.at,
    acceptedOn: d.acceptedOn,
    deadline: d.deadline,
    remindersSent: [],
    nextReminderOn: d.nextReminderOn,
  };
}
