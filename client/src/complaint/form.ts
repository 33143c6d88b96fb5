/**
 * The villager's 我要投诉 form turned into the `complaints.file` request (R-CMP-1, R-CMP-5).
 * Pure, so test/weapp can check it: the same courteous checks as the contract, field by field,
 * and an anonymous complaint never carries a contact or the resident it was filed for.
 */
export type SubjectChoice =
  | { kind: 'window'; windowId: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'booking'; bookingId: string }
  | { kind: 'center' };

export interface ComplaintDraft {
  subject: SubjectChoice | null;
  facts: string;
  wants: string;
  major: boolean;
  anonymous: boolean;
  /** An agent filing for an authorised resident; null: for themselves. */
  residentId: string | null;
  contact: string;
}

export interface FileInput {
  subjectKind: SubjectChoice['kind'];
  windowId?: string;
  caseId?: string;
  bookingId?: string;
  facts: string;
  wants: string;
  major: boolean;
  anonymous: boolean;
  residentId?: string;
  contact?: string;
}

export type FileRequest = { ok: true; input: FileInput } | { ok: false; issues: Array<{ field: string; message: string }> };

export const emptyDraft = (): ComplaintDraft => ({ subject: null, facts: '', wants: '', major: false, anonymous: false, residentId: null, contact: '' });

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

export function fileRequest(d: ComplaintDraft): FileRequest {
  const issues: Array<{ field: string; message: string }> = [];
  const facts = d.facts.trim();
  const wants = d.wants.trim();
  const contact = d.contact.trim();
  if (!d.subject) issues.push({ field: 'subjectKind', message: '请选择投诉对象:窗口、办件、预约或中心' });
  if (facts.length < 5) issues.push({ field: 'facts', message: '请填写投诉的事实经过,至少5个字,谢谢' });
  else if (facts.length > 1000) issues.push({ field: 'facts', message: '事实经过请不超过1000个字' });
  if (wants.length < 2) issues.push({ field: 'wants', message: '请填写您的诉求,如:希望窗口改进服务态度' });
  else if (wants.length > 300) issues.push({ field: 'wants', message: '诉求请不超过300个字' });
  if (!d.anonymous && contact && !PHONE.test(contact)) issues.push({ field: 'contact', message: '联系电话格式不正确,请填写11位手机号或带区号的固定电话' });
  if (issues.length || !d.subject) return { ok: false, issues };
  const s = d.subject;
  const input: FileInput = {
    subjectKind: s.kind,
    ...(s.kind === 'window' ? { windowId: s.windowId } : {}),
    ...(s.kind === 'case' ? { caseId: s.caseId } : {}),
    ...(s.kind === 'booking' ? { bookingId: s.bookingId } : {}),
    facts,
    wants,
    major: d.major,
    anonymous: d.anonymous,
  };
  // Anonymous (R-CMP-5): nothing that says who filed it — no contact, no resident.
  if (!d.anonymous) {
    if (d.residentId) input.residentId = d.residentId;
    if (contact) input.contact = contact;
  }
  return { ok: true, input };
}
