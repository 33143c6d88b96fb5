/**
 * Petitions in the one deadline sweep (R-PET-1): until the answer, the assigned person (or,
 * before one is named, the office) is reminded before the limit and on the day — the reply's
 * 3 days or a leader's week — and once overdue the office and the day's duty leaders are told,
 * exactly once per (petition, stage, deadline). Notices name the number, never the petitioner.
 */
import { REMINDER_STAGE_LABELS, type ReminderStage } from '../../../../shared/domain/cases';
import { TIMED_PETITION_STATES, type Petition } from '../../../../shared/domain/petitions';
import { dateLabel } from '../../../../shared/domain/time';
import { withRemindersSent, type MatterKind } from '../deadline-matters';
import { notify } from '../notify';

function message(p: Petition, stage: ReminderStage): { title: string; body: string } {
  const what = p.deadlineKind === 'leader' ? '领导接待后的答复' : '答复';
  const when = dateLabel(p.deadline);
  const who = p.assigneeName ? `承办人:${p.assigneeName}。` : '尚未交办,请尽快交办。';
  switch (stage) {
    case 'due_soon':
      return { title: '信访件即将到期', body: `信访件${p.number}的${what}期限为${when},请抓紧办理。${who}` };
    case 'due_today':
      return { title: '信访件今日到期', body: `信访件${p.number}的${what}今天(${when})到期,请务必今日答复信访人。${who}` };
    case 'overdue':
      return { title: '信访件已超期', body: `信访件${p.number}的${what}已超过期限(${when}),请督促尽快答复。${who}` };
  }
}

export const petitionReminders: MatterKind<'petitions'> = {
  collection: 'petitions',
  deadline: (p) => (TIMED_PETITION_STATES.includes(p.state) ? p.deadline : null),
  sent: (p) => p.remindersSent,
  async remind(tx, p, stage, key, center, _today, at) {
    const office = center.office.map((u) => u.id);
    const handler = p.assigneeId ? [p.assigneeId] : office;
    const recipients = stage === 'overdue' ? [...handler, ...office, ...center.dutyLeaders.map((u) => u.id)] : handler;
    // The reply's limit and a leader's week may fall on the same date: the kind keeps them apart.
    const sent = await notify(tx, recipients, { centerId: p.centerId, kind: 'petition', key: `${key}:${p.deadlineKind}`, link: `/petition/detail/index?id=${p.id}`, ...message(p, stage) }, at);
    const names = [...new Set(recipients)].map((u) => center.names.get(u) ?? '').filter(Boolean);
    await tx.insert('petitionSteps', {
      id: `ps-rem-${p.id}-${stage}-${p.deadline}-${p.deadlineKind}`,
      petitionId: p.id,
      centerId: p.centerId,
      at,
      actorName: '系统',
      action: `petition.reminder.${stage}`,
      text: `${REMINDER_STAGE_LABELS[stage]}:已通知${names.join('、')}。`,
    });
    return sent;
  },
  withReminders: withRemindersSent,
};
