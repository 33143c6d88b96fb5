/**
 * Complaints in the one deadline sweep (R-CMP-3): until the reply, the handler (or, before
 * one is assigned, the office) is reminded before the limit and on the day; once overdue the
 * office and the day's duty leaders are told, exactly once per (complaint, stage, deadline).
 * Notices name the tracking number and what the complaint is about, never the complainant.
 */
import { REMINDER_STAGE_LABELS, type ReminderStage } from '../../../../shared/domain/cases';
import { TIMED_STATES, type Complaint } from '../../../../shared/domain/complaints';
import { dateLabel } from '../../../../shared/domain/time';
import { withRemindersSent, type MatterKind } from '../deadline-matters';
import { notify } from '../notify';

function message(c: Complaint, stage: ReminderStage, handlerName: string): { title: string; body: string } {
  const when = dateLabel(c.deadline);
  const who = handlerName ? `承办人:${handlerName}。` : '尚未指定承办人,请尽快分类并指定。';
  switch (stage) {
    case 'due_soon':
      return { title: '投诉即将到期', body: `投诉${c.number}(${c.subject.label})应于${when}前答复,请抓紧办理。${who}` };
    case 'due_today':
      return { title: '投诉今日到期', body: `投诉${c.number}(${c.subject.label})今天(${when})到期,请务必今日答复投诉人。${who}` };
    case 'overdue':
      return { title: '投诉已超期', body: `投诉${c.number}(${c.subject.label})已超过答复期限(${when}),请督促尽快答复并向投诉人说明原因。${who}` };
  }
}

export const complaintReminders: MatterKind<'complaints'> = {
  collection: 'complaints',
  deadline: (c) => (TIMED_STATES.includes(c.state) ? c.deadline : null),
  sent: (c) => c.remindersSent,
  async remind(tx, c, stage, key, center, _today, at) {
    const office = center.office.map((u) => u.id);
    const handler = c.handlerId ? [c.handlerId] : office;
    const recipients = stage === 'overdue' ? [...handler, ...office, ...center.dutyLeaders.map((u) => u.id)] : handler;
    const sent = await notify(tx, recipients, { centerId: c.centerId, kind: 'complaint', key, link: `/office/complaint/index?id=${c.id}`, ...message(c, stage, c.handlerName ?? '') }, at);
    const names = [...new Set(recipients)].map((u) => center.names.get(u) ?? '').filter(Boolean);
    await tx.insert('complaintSteps', {
      id: `cs-rem-${c.id}-${stage}-${c.deadline}`,
      complaintId: c.id,
      centerId: c.centerId,
      at,
      actorName: '系统',
      action: `complaint.reminder.${stage}`,
      text: `${REMINDER_STAGE_LABELS[stage]}:已通知${names.join('、')}。`,
      public: false,
    });
    return sent;
  },
  withReminders: withRemindersSent,
};
