/**
 * Major complaints (R-CMP-7): the center's leaders and today's duty leaders are told at once,
 * and the complaint is marked for reporting to discipline inspection (纪检监察).
 */
import type { Complaint } from '../../../../shared/domain/complaints';
import { dateLabel } from '../../../../shared/domain/time';
import type { Ctx } from '../../context';
import type { TxOps } from '../../store/port';
import { dutyLeadersOn } from '../duty';
import { notify } from '../notify';
import { addStep, todayOf } from './access';

/** The center's leaders and today's duty leaders, loaded before the transaction that tells them. */
export async function majorRecipients(ctx: Ctx, centerId: string): Promise<string[]> {
  const [leaders, duty] = await Promise.all([ctx.store.find('users', { where: { centerId, role: 'leader' } }), dutyLeadersOn(ctx, centerId, todayOf(ctx))]);
  return [...leaders, ...duty].map((u) => u.id);
}

/** Writes the leaders' notices and the 纪检监察 mark in the caller's transaction; once per complaint. */
export async function escalateMajor(tx: TxOps, c: Complaint, recipients: readonly string[], at: string): Promise<Complaint> {
  if (c.disciplineReportAt) return c;
  await notify(
    tx,
    recipients,
    {
      centerId: c.centerId,
      kind: 'complaint',
      key: `cmp-major:${c.id}`,
      title: '重大投诉,请即阅处',
      body: `重大投诉${c.number}(${c.subject.label}),答复期限${dateLabel(c.deadline)},已标记报送纪检监察,请领导阅处。`,
      link: `/office/complaint/index?id=${c.id}`,
    },
    at,
  );
  const marked: Complaint = { ...c, disciplineReportAt: at };
  await tx.put('complaints', marked);
  await addStep(tx, marked, '系统', 'complaint.major', '重大投诉:已通知中心领导和当日带班领导,并标记报送纪检监察。', false, at);
  return marked;
}
