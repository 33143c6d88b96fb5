/**
 * The villager's 我要投诉 form (issue 9.10; R-CMP-1, R-CMP-5): what client/src/complaint/form.ts
 * sends to `complaints.file` — one subject, trimmed text, courteous field errors, and an
 * anonymous complaint that carries neither a contact nor the resident it was filed for.
 */
interface Draft {
  subject: null | { kind: 'window'; windowId: string } | { kind: 'case'; caseId: string } | { kind: 'booking'; bookingId: string } | { kind: 'center' };
  facts: string;
  wants: string;
  major: boolean;
  anonymous: boolean;
  residentId: string | null;
  contact: string;
}
interface FormModule {
  emptyDraft(): Draft;
  fileRequest(d: Draft): { ok: true; input: Record<string, unknown> } | { ok: false; issues: Array<{ field: string; message: string }> };
}
// Loaded with `require`, as people.test.ts does: the root type-check does not compile the client.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { emptyDraft, fileRequest } = require('../../client/src/complaint/form') as FormModule;

const filled = (over: Partial<Draft> = {}): Draft => ({
  ...emptyDraft(),
  subject: { kind: 'window', windowId: 'w1' },
  facts: '  窗口工作人员态度生硬,不解释原因  ',
  wants: ' 希望改进服务态度 ',
  ...over,
});

describe('complaints.file request from the form', () => {
  test('an empty form names every missing field and sends nothing', () => {
    const r = fileRequest(emptyDraft());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(['subjectKind', 'facts', 'wants']);
  });

  test('a window complaint: trimmed text, only the window id, contact kept', () => {
    const r = fileRequest(filled({ contact: ' 13800138000 ' }));
    expect(r).toEqual({
      ok: true,
      input: { subjectKind: 'window', windowId: 'w1', facts: '窗口工作人员态度生硬,不解释原因', wants: '希望改进服务态度', major: false, anonymous: false, contact: '13800138000' },
    });
  });

  test('case, booking and center subjects carry only their own id', () => {
    const c = fileRequest(filled({ subject: { kind: 'case', caseId: 'c9' } }));
    const b = fileRequest(filled({ subject: { kind: 'booking', bookingId: 'b9' } }));
    const z = fileRequest(filled({ subject: { kind: 'center' } }));
    expect(c.ok && c.input).toMatchObject({ subjectKind: 'case', caseId: 'c9' });
    expect(c.ok && Object.keys(c.input)).not.toContain('windowId');
    expect(b.ok && b.input).toMatchObject({ subjectKind: 'booking', bookingId: 'b9' });
    expect(z.ok && Object.keys(z.input).filter((k) => k.endsWith('Id'))).toEqual([]);
  });

  test('anonymous (R-CMP-5): no contact and no resident in the request', () => {
    const r = fileRequest(filled({ anonymous: true, contact: '13800138000', residentId: 'r1', major: true }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.input).toMatchObject({ anonymous: true, major: true });
      expect(r.input).not.toHaveProperty('contact');
      expect(r.input).not.toHaveProperty('residentId');
    }
  });

  test('an agent files for a resident when not anonymous', () => {
    const r = fileRequest(filled({ residentId: 'r1' }));
    expect(r.ok && r.input.residentId).toBe('r1');
  });

  test('a malformed phone number is refused with the reason; too short facts or wants too', () => {
    const r = fileRequest(filled({ contact: '12345', facts: '差', wants: '改' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.field)).toEqual(['facts', 'wants', 'contact']);
      expect(r.issues[2]?.message).toContain('11位手机号');
    }
  });
});
