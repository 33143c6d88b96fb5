/** R-CAT-4 / R-CAT-5: what a publication may not lack, the staff directory, the comment period, masked comment text — table-driven. */
import { WorkCalendar } from '../../shared/domain/calendar';
import {
  emptySections,
  endDateProblem,
  commentPeriodBounds,
  prepubState,
  previousMonth,
  publicationRefusal,
  staffDirectory,
  type Sections,
} from '../../shared/domain/disclosure';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { maskNumbersInText } from '../../shared/domain/personal-data';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);

const full = (): Sections => ({
  organisation: { centerName: '白沙镇便民服务中心', address: '白沙镇人民路1号', text: '中心设综合受理窗口和五个专业窗口。' },
  windows: [{ name: '民政窗口', duties: '低保、救助', phone: '0571-1' }],
  staff: [{ name: '陈丽', windowName: '民政窗口', posts: [{ post: '民政岗', ab: 'A' }], duties: '低保受理', photo: '' }],
  commitments: { opensAt: '09:00', closesAt: '17:00', text: '一次性告知,限时办结。', items: [{ code: 'MZ-001', name: '低保', windowName: '民政窗口', promisedDays: 5, fees: '不收费' }] },
  supervision: { complaintPhone: '0571-12345', servicePhone: '0571-1', inApp: '我要投诉', text: '大厅门口设举报箱。' },
  complaints: { months: [{ month: '2026-03', received: 0, answered: 0, answeredOnTime: 0, substantiated: 0 }] },
  roster: { month: '2026-03', days: [{ date: '2026-03-02', leaders: ['刘志强'] }] },
});

describe('a publication with an empty section is refused, naming it (R-CAT-4)', () => {
  test('a complete publication has no empty section', () => {
    expect(emptySections(full())).toEqual([]);
  });
  test.each<[string, (s: Sections) => void, string]>([
    ['organisation text blank', (s) => void (s.organisation.text = '  '), 'organisation'],
    ['no windows', (s) => void (s.windows = []), 'windows'],
    ['no staff', (s) => void (s.staff = []), 'staff'],
    ['commitment text blank', (s) => void (s.commitments.text = ''), 'commitments'],
    ['no items with limits', (s) => void (s.commitments.items = []), 'commitments'],
    ['supervision text blank', (s) => void (s.supervision.text = ''), 'supervision'],
    ['no complaint phone', (s) => void (s.supervision.complaintPhone = ''), 'supervision'],
    ['no complaint figures', (s) => void (s.complaints.months = []), 'complaints'],
    ['roster not published', (s) => void (s.roster.days = []), 'roster'],
  ])('%s → %s', (_what, change, section) => {
    const s = full();
    change(s);
    expect(emptySections(s).map((e) => e.section)).toEqual([section]);
  });
  test('zero complaints in a month is a figure, not an empty section', () => {
    expect(emptySections(full())).toEqual([]);
  });
  test('the refusal names every empty section, in order', () => {
    const s = full();
    s.roster.days = [];
    s.organisation.text = '';
    expect(publicationRefusal(emptySections(s))).toBe('对不起,本次政务公开暂不能发布:“机构设置与职责”、“领导带班值班”还是空的。请按提示补充后再发布,谢谢。');
  });
});

describe('the staff directory (name, window, posts with A/B, duties, photo)', () => {
  const windows = [
    { id: 'w-rs', name: '人社窗口', duties: '社保、就业', sort: 2 },
    { id: 'w-mz', name: '民政窗口', duties: '低保、救助', sort: 1 },
  ];
  const posts = [
    { windowId: 'w-mz', name: '民政岗', aId: 'u-a', bId: 'u-b' },
    { windowId: 'w-rs', name: '人社岗', aId: 'u-b', bId: 'u-a' },
  ];
  test('by window, the A of the window first; every post held; duties as written, else the window\'s', () => {
    const people = [
      { id: 'u-x', name: '杨帆', windowId: 'w-rs' },
      { id: 'u-b', name: '吴婷', windowId: 'w-rs' },
      { id: 'u-c', name: '何静', windowId: 'w-mz' },
      { id: 'u-a', name: '陈丽', windowId: 'w-mz' },
      { id: 'u-y', name: '孙浩' },
    ];
    const rows = staffDirectory(people, windows, posts, [{ userId: 'u-a', duties: '低保、特困供养受理', photo: 'https://example.org/a.jpg' }]);
    expect(rows.map((r) => `${r.windowName || '-'} ${r.name} [${r.posts.map((p) => `${p.post}${p.ab}`).join(' ')}] ${r.duties || '-'} ${r.photo || '-'}`)).toEqual([
      '民政窗口 陈丽 [民政岗A 人社岗B] 低保、特困供养受理 https://example.org/a.jpg',
      '民政窗口 何静 [] 低保、救助 -',
      '人社窗口 吴婷 [人社岗A 民政岗B] 社保、就业 -',
      '人社窗口 杨帆 [] 社保、就业 -',
      '- 孙浩 [] - -',
    ]);
  });
});

describe('the comment period (R-CAT-5): at least 5 working days, at most 60 days', () => {
  test.each([
    // Monday 2 March 2026: the 5th working day after is Monday 9 March.
    ['2026-03-02', '2026-03-06', '征求意见期至少5个工作日,截止日期请选择3月9日 周一或以后'],
    ['2026-03-02', '2026-03-09', null],
    // Friday 25 September 2026: National Day week (1–8 Oct) is not counted; 9 Oct is the 5th working day.
    ['2026-09-25', '2026-10-08', '征求意见期至少5个工作日,截止日期请选择10月9日 周五或以后'],
    ['2026-09-25', '2026-10-09', null],
    ['2026-03-02', '2026-05-01', null],
    ['2026-03-02', '2026-05-02', '征求意见期请不超过60天,截止日期请选择5月1日 周五或以前'],
  ])('published %s, ending %s → %s', (today, endsOn, problem) => {
    expect(endDateProblem(endsOn, today, cal)).toBe(problem);
  });
  test('bounds', () => {
    expect(commentPeriodBounds('2026-03-02', cal)).toEqual({ earliest: '2026-03-09', latest: '2026-05-01' });
  });
  test.each([
    ['2026-03-08', undefined, 'open'],
    ['2026-03-09', undefined, 'open'],
    ['2026-03-10', undefined, 'closed'],
    ['2026-03-10', { text: '', publishedAt: '', publishedBy: '', publisherName: '' }, 'final'],
  ])('on %s (end 9 March, final %j) the state is %s', (today, final, state) => {
    expect(prepubState({ endsOn: '2026-03-09', ...(final ? { final } : {}) }, today)).toBe(state);
  });
  test.each([
    ['2026-03', '2026-02'],
    ['2026-01', '2025-12'],
  ])('the month before %s is %s', (m, prev) => expect(previousMonth(m)).toBe(prev));
});

describe('numbers in a public comment are masked', () => {
  test.each([
    ['请联系我13957100001,谢谢', '请联系我139****0001,谢谢'],
    ['电话 139 5710 0001 或 139-5710-0002', '电话 139****0001 或 139****0002'],
    ['+86 13957100001', '139****0001'],
    ['身份证330127195604120014号', '身份证3301**********0014号'],
    ['末位X:33012719410903002X', '末位X:3301**********002X'],
    ['办公电话0571-88880000不是手机', '办公电话0571-88880000不是手机'],
    ['承诺5个工作日,收费20元', '承诺5个工作日,收费20元'],
  ])('%s → %s', (text, shown) => {
    expect(maskNumbersInText(text)).toBe(shown);
  });
});
