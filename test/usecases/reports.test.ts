/**
 * The month's picture (R-RATE-3) and the export (issue 10.7) on a real SQLite store, clock fixed
 * at Wed 2 December 2026. November 2026 is seeded with a few records per window whose figures are
 * worked out by hand below; October makes 卫健窗口 the bottom window a second time (约谈).
 *
 * Cases and complaints go through their real actions (walk-in → accept → complete, with the clock
 * moved to each day; file → classify → assign → close). Ratings and rectifications are the
 * ratings use cases' records — this function only reads them — so they are stored as those use
 * cases store them, each checked against the ratings domain's own schema; the upheld appeal goes
 * through the real ratings.appeal and ratings.decideAppeal.
 *
 * November by hand (thresholds saved by the admin: at least 3 ratings to be ranked; 红旗 98% / 100%,
 * 优秀 70% / 70%):
 *
 *   window   ratings (counted)                          satisfied  bad  rectified  done  on time  substantiated
 *   民政 MZ  非常满意, 满意, 满意, 不满意(整改办结)         3 of 4     1    1          4     3        0
 *            + 非常不满意 whose appeal was upheld: excluded (1), in no other figure
 *   人社 RS  非常满意 × 3                                  3 of 3     0    0          2     2        0
 *   卫健 WJ  基本满意, 不满意(整改中), 非常不满意(整改办结)  1 of 3     2    1          1     0        1
 *   残联 CL  满意                                          1 of 1     0    0          0     0        0
 *   综合 ZH  —                                             0 of 0     0    0          0     0        0
 *
 *   ranking (≥ 3 ratings): RS 3/3 = 100% (1), MZ 3/4 = 75% (2), WJ 1/3 = 33.3% (3, bottom); CL, ZH unranked
 *   honours: RS 3/3 ≥ 98% and 2/2 ≥ 100% → 红旗窗口; MZ 75% ≥ 70% and 3/4 = 75% ≥ 70% → 优秀窗口;
 *            WJ below, and a substantiated complaint rules an honour out anyway
 *   October: RS 3/3, MZ 3/3, WJ 1/3 → WJ bottom in October too → 约谈 in November
 *   center: ratings 4+3+3+1 = 11, satisfied 3+3+1+1 = 8 → 8/11 = 72.7%; bad 1+2 = 3, rectified 1+1 = 2
 *           → 66.7%; done 4+2+1 = 7, on time 3+2+0 = 5 → 71.4%; substantiated 1; excluded 1
 */
import type { Reply } from '../../shared/domain/errors';
import { caseSchema } from '../../shared/domain/cases';
import { ratingId, ratingSchema, rectificationId, rectificationSchema, type Rating, type RatingLevel, type Rectification } from '../../shared/domain/ratings';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { windowId } from '../../cloudfunctions/core/seed/organisation';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { seededStore } from '../helpers/temp';

const C = 'c-baisha';
const u = (key: string) => demoUserId(C, key);
const MZ = windowId(C, 'MZ');
const RS = windowId(C, 'RS');
const WJ = windowId(C, 'WJ');
const CL = windowId(C, 'CL');
const ZH = windowId(C, 'ZH');
const CHEN = u('staff-mz'); // 陈丽, A of 民政
const YANG = u('staff-rs'); // 杨帆, A of 人社
const WU = u('staff-wj'); // 吴婷, A of 卫健
const SUN = u('staff-cl'); // 孙浩, A of 残联
const HE = u('staff-zh'); // 何静, A of 综合服务
const OFFICE = u('office');
const LEADER = u('leader');
const ADMIN = u('admin');
const VILLAGER = u('villager'); // 王秀英
const item = (code: string) => `item-baisha-${code.toLowerCase()}`;

/** A Shanghai wall-clock instant. */
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const NOW = at('2026-12-02');

let store: SqliteStore;
let clock: ManualClock;

const call = async (fn: string, userId: string, action: string, input: unknown): Promise<Reply<unknown>> =>
  dispatch(fn, { action, input }, { store, clock, caller: await store.get('users', userId) });
const ok = async <T>(fn: string, userId: string, action: string, input: unknown): Promise<T> => {
  const r = await call(fn, userId, action, input);
  if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r.error)}`);
  return r.data as T;
};
const report = <T>(userId: string, action: string, input: unknown) => ok<T>('reports', userId, action, input);

// ---- Cases through their real actions ---------------------------------------------------------

/** A walk-in at the item's window, received by `clerk`, accepted on `acceptedOn`; returns its id. */
async function accepted(clerk: string, code: string, acceptedOn: string, applicantName = '王秀英'): Promise<string> {
  clock.set(at(acceptedOn, '09:00'));
  const walkIn = await ok<{ case: { id: string } }>('cases', clerk, 'registerWalkIn', { itemId: item(code), applicantName });
  await ok('cases', clerk, 'accept', { caseId: walkIn.case.id });
  return walkIn.case.id;
}
async function completeAt(clerk: string, caseId: string, instant: string): Promise<void> {
  clock.set(instant);
  await ok('cases', clerk, 'complete', { caseId, result: '已办结,证件已交申请人。' });
}

// ---- Ratings as the ratings use cases store them ------------------------------------------------

let seq = 0;
/** A rating of a case of `window`, handled by `handler` (and first received by `firstAsk`). */
async function rated(window: string, handler: string, level: RatingLevel, ratedOn: string, opts: { firstAsk?: string; rectified?: boolean; excluded?: boolean; comment?: string } = {}): Promise<Rating> {
  seq += 1;
  const caseId = `case-fixture-${seq}`;
  const names = new Map((await store.find('users', { where: { centerId: C } })).map((x) => [x.id, x.name]));
  const bad = level === 'unsatisfied' || level === 'very_unsatisfied';
  const r: Rating = ratingSchema.parse({
    id: ratingId(caseId),
    centerId: C,
    caseId,
    caseNumber: `BS-F-${String(seq).padStart(3, '0')}`,
    itemName: '最低生活保障申请',
    windowId: window,
    handlerId: handler,
    handlerName: names.get(handler),
    ...(opts.firstAsk ? { firstAskId: opts.firstAsk, firstAskName: names.get(opts.firstAsk) } : {}),
    applicantMasked: '王*英',
    raterUserId: VILLAGER,
    onBehalf: false,
    channel: 'app',
    level,
    bad,
    subIndicators: {},
    comment: opts.comment ?? '',
    createdAt: new Date(at(ratedOn, '15:00')).toISOString(),
    ratedOn,
    appeal: opts.excluded ? 'upheld' : 'none',
    excludedFromFigures: opts.excluded ?? false,
  });
  await store.put('ratings', r);
  if (bad) {
    const closed = opts.rectified || opts.excluded;
    const x: Rectification = rectificationSchema.parse({
      id: rectificationId(r.id),
      centerId: C,
      ratingId: r.id,
      caseId,
      caseNumber: r.caseNumber,
      itemName: r.itemName,
      windowId: window,
      level,
      headId: handler,
      headName: names.get(handler),
      state: closed ? 'closed' : 'opened',
      openedOn: ratedOn,
      deadline: '2026-12-31',
      ...(closed ? { closedAt: new Date(at(ratedOn, '17:00')).toISOString(), closedBy: opts.excluded ? 'appeal_upheld' : 'head' } : {}),
      createdAt: r.createdAt,
      updatedAt: r.createdAt,
      remindersSent: [],
    });
    await store.put('rectifications', x);
  }
  return r;
}

// ---- The seeded months -------------------------------------------------------------------------

async function seedOctober(): Promise<void> {
  // RS 3/3, MZ 3/3, WJ 1/3: WJ at the bottom.
  for (const _ of [1, 2, 3]) await rated(RS, YANG, 'satisfied', '2026-10-20');
  for (const _ of [1, 2, 3]) await rated(MZ, CHEN, 'very_satisfied', '2026-10-21');
  await rated(WJ, WU, 'satisfied', '2026-10-22');
  await rated(WJ, WU, 'unsatisfied', '2026-10-22', { rectified: true });
  await rated(WJ, WU, 'very_unsatisfied', '2026-10-23', { rectified: true });
  // One case of 人社 completed in October, on time: 人社 RS-004 (5 working days) accepted Mon 12 Oct, done Thu 15 Oct.
  await completeAt(YANG, await accepted(YANG, 'RS-004', '2026-10-12'), at('2026-10-15'));
}

let upheldCandidate: Rating;

async function seedNovember(): Promise<void> {
  // ── Cases. 民政 (陈丽):
  //   MZ-003 (10 wd) accepted Mon 2 Nov → deadline Mon 16 Nov; done Thu 5 Nov: on time.
  await completeAt(CHEN, await accepted(CHEN, 'MZ-003', '2026-11-02'), at('2026-11-05'));
  //   MZ-004 (10 wd) accepted Mon 2 Nov → deadline 16 Nov; done Fri 13 Nov: on time.
  await completeAt(CHEN, await accepted(CHEN, 'MZ-004', '2026-11-02'), at('2026-11-13'));
  //   MZ-005 (10 wd) accepted Mon 19 Oct → deadline Mon 2 Nov; done Tue 10 Nov: late.
  await completeAt(CHEN, await accepted(CHEN, 'MZ-005', '2026-10-19'), at('2026-11-10'));
  //   MZ-002 (20 wd) accepted Mon 2 Nov → deadline Mon 30 Nov; done 30 Nov at 23:30: on time, and November's.
  await completeAt(CHEN, await accepted(CHEN, 'MZ-002', '2026-11-02'), at('2026-11-30', '23:30'));
  //   MZ-001 (30 wd) accepted 2 Nov, done Tue 1 Dec at 00:10: December's, not November's.
  await completeAt(CHEN, await accepted(CHEN, 'MZ-001', '2026-11-02'), at('2026-12-01', '00:10'));
  //   A walk-in refused in November is finished but not completed: in no figure.
  clock.set(at('2026-11-04'));
  const refusedCase = await ok<{ case: { id: string } }>('cases', CHEN, 'registerWalkIn', { itemId: item('MZ-003'), applicantName: '李四' });
  await ok('cases', CHEN, 'reject', { caseId: refusedCase.case.id, reasons: ['不属于本中心受理范围'] });
  // 人社 (杨帆): RS-001 (即办) done on the spot Tue 3 Nov — no deadline, on time;
  clock.set(at('2026-11-03'));
  const spot = await ok<{ case: { id: string } }>('cases', YANG, 'registerWalkIn', { itemId: item('RS-001'), applicantName: '赵六' });
  await ok('cases', YANG, 'doneOnSpot', { caseId: spot.case.id, result: '当场办结。' });
  //   RS-002 (5 wd) accepted Mon 2 Nov → deadline Mon 9 Nov; done Fri 6 Nov: on time.
  await completeAt(YANG, await accepted(YANG, 'RS-002', '2026-11-02'), at('2026-11-06'));
  // 卫健 (吴婷): WJ-001 (20 wd) accepted Fri 9 Oct → deadline Thu 5 Nov (Sat 10 Oct is a working day); done Fri 20 Nov: late.
  await completeAt(WU, await accepted(WU, 'WJ-001', '2026-10-09'), at('2026-11-20'));

  // ── Ratings (see the table above).
  await rated(MZ, CHEN, 'very_satisfied', '2026-11-05');
  await rated(MZ, CHEN, 'satisfied', '2026-11-06', { firstAsk: HE }); // received by 何静, handled by 陈丽
  await rated(MZ, CHEN, 'satisfied', '2026-11-13');
  await rated(MZ, CHEN, 'unsatisfied', '2026-11-16', { rectified: true });
  await rated(MZ, CHEN, 'very_unsatisfied', '2026-11-17', { excluded: true });
  for (const _ of [1, 2, 3]) await rated(RS, YANG, 'very_satisfied', '2026-11-09');
  await rated(WJ, WU, 'basically_satisfied', '2026-11-23');
  upheldCandidate = await rated(WJ, WU, 'unsatisfied', '2026-11-30', { comment: '等了很久,电话13957100001,"态度一般",\n下次改进' });
  await rated(WJ, WU, 'very_unsatisfied', '2026-11-24', { rectified: true });
  await rated(CL, SUN, 'satisfied', '2026-11-25');
  // A rating of 1 December is December's.
  await rated(CL, SUN, 'very_unsatisfied', '2026-12-01');

  // ── Complaints through their real actions: one about 吴婷 found substantiated on Wed 18 Nov,
  // one about 杨帆 not substantiated, one about 陈丽 substantiated but in October.
  const complaint = async (fileOn: string, closeOn: string, staffId: string, substantiated: boolean) => {
    clock.set(at(fileOn, '09:30'));
    const filed = await ok<{ complaint: { id: string } }>('complaints', VILLAGER, 'file', {
      subjectKind: 'staff',
      staffId,
      facts: '办理业务时态度生硬,身份证号330102199001011234也被大声念出。',
      wants: '希望改进服务态度',
      contact: '13957100001',
    });
    await ok('complaints', OFFICE, 'classify', { complaintId: filed.complaint.id, klass: 'complex' });
    await ok('complaints', OFFICE, 'assign', { complaintId: filed.complaint.id, handlerId: HE });
    clock.set(at(closeOn, '11:00'));
    await ok('complaints', OFFICE, 'close', {
      complaintId: filed.complaint.id,
      substantiated,
      findings: substantiated ? '经查属实,工作人员态度生硬。' : '经查看录像,工作人员态度正常。',
      ...(substantiated ? { measure: '批评教育,全中心通报' } : {}),
    });
  };
  await complaint('2026-11-16', '2026-11-18', WU, true);
  await complaint('2026-11-16', '2026-11-19', YANG, false);
  await complaint('2026-10-12', '2026-10-14', CHEN, true);
}

type Figures = { ratings: number; excluded: number; satisfied: number; bad: number; rectified: number; completed: number; onTime: number; substantiated: number; satisfactionRate: number | null; rectificationRate: number | null; onTimeRate: number | null };
type WindowRow = { id: string; name: string; figures: Figures; rank: number | null; honour: string | null; bottom: boolean; interview: boolean; marks: string[] };
type Month = { month: string; center: Figures; windows: WindowRow[]; staff: Array<{ id: string; name: string; windowName: string; figures: Figures; rank: number | null }>; thresholds: unknown; current: boolean };

const THRESHOLDS = { minRatings: 3, redFlagSatisfaction: 98, redFlagOnTime: 100, excellentSatisfaction: 70, excellentOnTime: 70 };

beforeAll(async () => {
  ({ store, clock } = await seededStore(new ManualClock(NOW)));
  await report(ADMIN, 'saveThresholds', THRESHOLDS);
  await seedOctober();
  await seedNovember();
  clock.set(NOW);
}, 60_000);
afterAll(async () => {
  await store.close();
});

const row = (m: Month, id: string) => m.windows.find((w) => w.id === id)!;
const counts = (f: Figures) => [f.ratings, f.excluded, f.satisfied, f.bad, f.rectified, f.completed, f.onTime, f.substantiated];

describe('November 2026 worked out by hand (R-RATE-3)', () => {
  let nov: Month;
  beforeAll(async () => {
    nov = await report<Month>(OFFICE, 'month', { month: '2026-11' });
  });

  test.each([
    //      ratings excluded satisfied bad rectified done onTime substantiated
    [MZ, '民政', [4, 1, 3, 1, 1, 4, 3, 0]],
    [RS, '人社', [3, 0, 3, 0, 0, 2, 2, 0]],
    [WJ, '卫健', [3, 0, 1, 2, 1, 1, 0, 1]],
    [CL, '残联', [1, 0, 1, 0, 0, 0, 0, 0]],
    [ZH, '综合', [0, 0, 0, 0, 0, 0, 0, 0]],
  ])('window %s (%s): the counts', (id, _name, want) => {
    expect(counts(row(nov, id).figures)).toEqual(want);
  });

  test('the rates: satisfaction, rectification and on time as fractions of the counts', () => {
    expect(row(nov, MZ).figures).toMatchObject({ satisfactionRate: 0.75, rectificationRate: 1, onTimeRate: 0.75 }); // 3/4, 1/1, 3/4
    expect(row(nov, WJ).figures.satisfactionRate).toBeCloseTo(1 / 3, 10); // 1/3
    expect(row(nov, WJ).figures).toMatchObject({ rectificationRate: 0.5, onTimeRate: 0 }); // 1/2, 0/1
    expect(row(nov, ZH).figures).toMatchObject({ satisfactionRate: null, rectificationRate: null, onTimeRate: null }); // nothing to divide
  });

  test('the center: 8/11 satisfied, 2/3 rectified, 5/7 on time, 1 substantiated, 1 excluded', () => {
    expect(counts(nov.center)).toEqual([11, 1, 8, 3, 2, 7, 5, 1]);
    expect(nov.center.satisfactionRate).toBeCloseTo(8 / 11, 10); // 72.7%
    expect(nov.center.onTimeRate).toBeCloseTo(5 / 7, 10); // 71.4%
  });

  test('ranking, honours in words, the bottom window and 约谈 after two bottom months', () => {
    expect(nov.windows.map((w) => `${w.name}:${w.rank ?? '-'}`)).toEqual(['人力资源和社会保障窗口:1', '民政窗口:2', '卫生健康窗口:3', '残疾人联合会窗口:-', '综合服务窗口:-']);
    expect(row(nov, RS)).toMatchObject({ honour: 'red_flag', marks: ['红旗窗口'], bottom: false, interview: false });
    expect(row(nov, MZ)).toMatchObject({ honour: 'excellent', marks: ['优秀窗口'] });
    expect(row(nov, WJ)).toMatchObject({ honour: null, bottom: true, interview: true, marks: ['排名末位', '约谈(连续两个月排名末位)'] });
    expect(row(nov, CL)).toMatchObject({ honour: null, bottom: false, interview: false, marks: [] }); // 1 rating: too few to rank or honour
  });

  test('October: 卫健 bottom for the first time, so no 约谈 yet', async () => {
    const oct = await report<Month>(LEADER, 'month', { month: '2026-10' });
    expect(row(oct, WJ)).toMatchObject({ rank: 3, bottom: true, interview: false });
    expect(counts(row(oct, RS).figures)).toEqual([3, 0, 3, 0, 0, 1, 1, 0]); // the October case, on time
    expect(counts(oct.center).slice(-1)).toEqual([1]); // 陈丽's complaint found substantiated on 14 Oct
  });

  test('per person: the first-ask person shares the rating; everyone on the staff list is shown', () => {
    const he = nov.staff.find((s) => s.id === HE)!;
    expect(counts(he.figures)).toEqual([1, 0, 1, 0, 0, 0, 0, 0]); // 何静 received the 6 Nov matter
    expect(counts(nov.staff.find((s) => s.id === CHEN)!.figures)).toEqual([4, 1, 3, 1, 1, 4, 3, 0]);
    expect(counts(nov.staff.find((s) => s.id === WU)!.figures)).toEqual([3, 0, 1, 2, 1, 1, 0, 1]);
    expect(nov.staff.find((s) => s.id === WU)!.windowName).toBe('卫生健康窗口');
    // Ranked (≥ 3 ratings): 杨帆 100%, 陈丽 75%, 吴婷 33.3%; 孙浩 and 何静 with one rating each unranked.
    expect(nov.staff.filter((s) => s.rank !== null).map((s) => s.name)).toEqual(['杨帆', '陈丽', '吴婷']);
    expect(nov.staff.map((s) => s.name).sort()).toEqual(['何静', '吴婷', '孙浩', '杨帆', '陈丽']);
  });

  test('the trend: 12 months ending November, October and November as above, the rest empty', async () => {
    const t = await report<{ months: Array<{ month: string; label: string; figures: Figures }> }>(OFFICE, 'trend', { month: '2026-11' });
    expect(t.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const [oct, nov2] = t.months.slice(-2).map((m) => counts(m.figures));
    expect(nov2).toEqual([11, 1, 8, 3, 2, 7, 5, 1]);
    // October: 3 + 3 + 3 = 9 ratings, 3 + 3 + 1 = 7 satisfied, 2 bad both rectified, 1 case on time, 1 substantiated.
    expect(oct).toEqual([9, 0, 7, 2, 2, 1, 1, 1]);
    expect(t.months.slice(0, 10).every((m) => m.figures.ratings === 0 && m.figures.completed === 0)).toBe(true);
  });
});

describe('without a month: the current one on the server\'s clock', () => {
  test('2 December 2026 → December: the 1 Dec rating (残联 非常不满意) and MZ-001 done at 00:10 on 1 Dec', async () => {
    const dec = await report<Month & { thisMonth: string; monthLabel: string }>(OFFICE, 'month', {});
    expect(dec).toMatchObject({ month: '2026-12', thisMonth: '2026-12', monthLabel: '2026年12月', current: true });
    // 1 rating, 0 satisfied, 1 bad not yet rectified; 1 case done, on time (MZ-001's deadline is 30 working days after 2 Nov).
    expect(counts(dec.center)).toEqual([1, 0, 0, 1, 0, 1, 1, 0]);
    expect((await report<Month>(OFFICE, 'month', { month: '2026-11' })).current).toBe(false);
  });
});

describe('an upheld appeal changes the figures, never the record (R-RATE-2)', () => {
  test('卫健 30 Nov 不满意 appealed by 吴婷 and upheld: 卫健 1/2 satisfied, the center 8/10; the rating stays', async () => {
    clock.set(at('2026-12-02', '10:00')); // 2 working days after 30 Nov: within the 5
    const { appeal } = await ok<{ appeal: { id: string } }>('ratings', WU, 'appeal', { ratingId: upheldCandidate.id, reasons: '群众等候是因为系统故障,已当场说明并致歉。' });
    await ok('ratings', OFFICE, 'decideAppeal', { appealId: appeal.id, outcome: 'upheld', reasons: '经核实系统故障所致,申诉成立。' });
    const m = await report<Month>(OFFICE, 'month', { month: '2026-11' });
    // 卫健: ratings 3 − 1 = 2, excluded 1, satisfied 1 → 1/2; bad 2 − 1 = 1, rectified 1 → 1/1.
    expect(counts(row(m, WJ).figures)).toEqual([2, 1, 1, 1, 1, 1, 0, 1]);
    expect(row(m, WJ).figures).toMatchObject({ satisfactionRate: 0.5, rectificationRate: 1 });
    // Center: ratings 11 − 1 = 10, excluded 1 + 1 = 2, satisfied 8 → 8/10; bad 3 − 1 = 2, rectified 2 → 2/2.
    expect(counts(m.center)).toEqual([10, 2, 8, 2, 2, 7, 5, 1]);
    expect(m.center).toMatchObject({ satisfactionRate: 0.8, rectificationRate: 1 });
    // 卫健 now has 2 ratings in the figures, fewer than the 3 needed to be ranked: out of the ranking,
    // so no longer at the bottom and no 约谈; of the two ranked, 民政 (75% < 100%) is at the bottom
    // for the first time (October's bottom was 卫健), so no one is called to 约谈.
    expect(row(m, WJ)).toMatchObject({ rank: null, bottom: false, interview: false });
    expect(row(m, MZ)).toMatchObject({ rank: 2, bottom: true, interview: false, honour: 'excellent' });
    // The record stays, marked.
    expect(await store.get('ratings', upheldCandidate.id)).toMatchObject({ level: 'unsatisfied', appeal: 'upheld', excludedFromFigures: true });
  });
});

/** RFC 4180 read back: fields, quoted fields with doubled quotes and line breaks, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  expect(field).toBe(''); // every row ends with CRLF
  return rows;
}

type CsvFile = { kind: string; label: string; fileName: string; rows: number; csv: string };
async function exported(kind: string): Promise<{ file: CsvFile; header: string[]; records: Array<Record<string, string>> }> {
  const file = await report<CsvFile>(OFFICE, 'exportMonth', { month: '2026-11', kind });
  expect(file.csv.charCodeAt(0)).toBe(0xfeff); // the BOM: Excel reads UTF-8 Chinese correctly
  const [header, ...rest] = parseCsv(file.csv.slice(1));
  expect(rest).toHaveLength(file.rows);
  return { file, header: header!, records: rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))) };
}

describe("the office's export of November (issue 10.7)", () => {
  test('cases: received in November (7) and older ones completed in it (MZ-005, WJ-001): 9 rows, applicants masked', async () => {
    const { file, records } = await exported('cases');
    expect(file).toMatchObject({ label: '办件台账', fileName: '2026年11月办件台账.csv', rows: 9 });
    expect(records.map((r) => r['申请人']).sort()).toEqual(['李*', '王*英', '王*英', '王*英', '王*英', '王*英', '王*英', '王*英', '赵*']);
    expect(records.filter((r) => r['按期办结'] === '否').map((r) => r['事项'])).toHaveLength(2); // MZ-005 and WJ-001, late
    expect(records.find((r) => r['状态'] === '不予受理')?.['办理结果或不予受理理由']).toBe('不属于本中心受理范围');
    expect(file.csv).not.toContain('王秀英');
  });

  test('complaints: the two received in November; ID number and phone masked, also inside the facts', async () => {
    const { file, records } = await exported('complaints');
    expect(file.rows).toBe(2);
    expect(records.map((r) => r['经查属实']).sort()).toEqual(['否', '是']);
    for (const r of records) {
      expect(r['投诉人']).toBe('王*英');
      expect(r['联系电话']).toBe('139****0001');
      expect(r['事实经过']).toContain('3301**********1234');
    }
    expect(file.csv).not.toMatch(/330102199001011234|13957100001|王秀英/);
  });

  test('ratings: the 12 given in November (the upheld one marked 不计入); a comment with quotes, comma and line break reads back whole', async () => {
    const { file, records } = await exported('ratings');
    expect(file.rows).toBe(12); // 民政 5 + 人社 3 + 卫健 3 + 残联 1
    const upheld = records.find((r) => r['办件编号'] === upheldCandidate.caseNumber)!;
    expect(upheld['评价内容']).toBe('等了很久,电话139****0001,"态度一般",\n下次改进');
    expect(records.filter((r) => r['计入统计'] === '否')).toHaveLength(2); // 民政's and, after the appeal above, 卫健's
    expect(records.filter((r) => r['评价'] === '非常满意')).toHaveLength(4);
  });

  test('rectifications: one per bad review of November (4), with how each ended', async () => {
    const { file, records } = await exported('rectifications');
    expect(file.rows).toBe(4);
    expect(records.map((r) => r['办结方式']).sort()).toEqual(['整改办结', '整改办结', '申诉成立,撤销差评', '申诉成立,撤销差评']);
  });

  test('every export is audited: who took which month out, how many rows', async () => {
    const entries = await store.find('audit', { where: { centerId: C, action: 'report.export' } });
    expect(entries.map((e) => e.recordId).sort()).toEqual(['cases:2026-11', 'complaints:2026-11', 'ratings:2026-11', 'rectifications:2026-11']);
    expect(entries.every((e) => e.actorId === OFFICE)).toBe(true);
  });
});

describe('bad input and misuse change nothing', () => {
  const WATCHED = ['meta', 'audit'] as const;
  const snapshot = async () => Promise.all(WATCHED.map((c) => store.count(c)));
  async function refused(fn: string, userId: string, action: string, input: unknown) {
    const before = await snapshot();
    const r = await call(fn, userId, action, input);
    expect(await snapshot()).toEqual(before);
    if (r.ok) throw new Error(`${fn}.${action} should have been refused`);
    const fields = Array.isArray(r.error.details) ? r.error.details.map((d) => d.field) : [];
    return { code: r.error.code, message: r.error.message, fields };
  }

  test.each([
    ['a month not begun', OFFICE, 'month', { month: '2027-01' }, 'VALIDATION', ['month'], /还没有开始/],
    ['a malformed month', OFFICE, 'month', { month: '2026-13' }, 'VALIDATION', ['month'], /月份格式/],
    ['an export of a month not begun', OFFICE, 'exportMonth', { month: '2027-01', kind: 'cases' }, 'VALIDATION', ['month'], /还没有开始/],
    ['an unknown kind', OFFICE, 'exportMonth', { month: '2026-11', kind: 'people' }, 'VALIDATION', ['kind'], /请选择要导出的内容/],
    ['a clerk opening the dashboard', CHEN, 'month', { month: '2026-11' }, 'FORBIDDEN', [], /./],
    ['a leader exporting', LEADER, 'exportMonth', { month: '2026-11', kind: 'cases' }, 'FORBIDDEN', [], /./],
    ['the office setting thresholds', OFFICE, 'saveThresholds', THRESHOLDS, 'FORBIDDEN', [], /./],
    ['红旗 below 优秀', ADMIN, 'saveThresholds', { ...THRESHOLDS, redFlagSatisfaction: 60 }, 'VALIDATION', ['redFlagSatisfaction'], /不能低于优秀窗口/],
    ['a negative rate', ADMIN, 'saveThresholds', { ...THRESHOLDS, excellentOnTime: -5 }, 'VALIDATION', ['excellentOnTime'], /不能小于0/],
    ['no minimum of ratings', ADMIN, 'saveThresholds', { ...THRESHOLDS, minRatings: 0 }, 'VALIDATION', ['minRatings'], /至少为1/],
  ])('%s', async (_name, userId, action, input, code, fields, message) => {
    const r = await refused('reports', userId, action, input);
    expect(r).toMatchObject({ code, fields });
    expect(r.message).toMatch(message);
  });

  test("another center's office sees only its own center: 柳塘 has no November figures", async () => {
    const other = await ok<Month>('reports', demoUserId('c-liutang', 'office'), 'month', { month: '2026-11' });
    expect(counts(other.center)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(other.windows.every((w) => !w.id.includes('baisha'))).toBe(true);
  });

  test('the admin reads back the saved thresholds; defaults before any save', async () => {
    expect(await report(ADMIN, 'thresholds', {})).toEqual({ thresholds: THRESHOLDS, saved: true });
    expect(await ok('reports', demoUserId('c-liutang', 'admin'), 'thresholds', {})).toMatchObject({ saved: false, thresholds: { minRatings: 5 } });
  });
});

describe('a person with figures who is not on the staff list (moved to the office, left)', () => {
  // Last in the file: it adds a September rating, which the trend above must not see.
  test('is listed by the name the records carry, without a window', async () => {
    await rated(ZH, OFFICE, 'satisfied', '2026-09-15');
    const sep = await report<Month>(OFFICE, 'month', { month: '2026-09' });
    const row = sep.staff.find((s) => s.id === OFFICE);
    expect(row).toMatchObject({ name: '周敏', windowName: '', rank: null });
    expect(counts(row!.figures)).toEqual([1, 0, 1, 0, 0, 0, 0, 0]);
  });
});
