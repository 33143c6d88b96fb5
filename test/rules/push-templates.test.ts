/**
 * WeChat subscribe-message templates (R-CASE-5 push reminders): a configuration is validated
 * when it is read — field keys must be WeChat field types that can carry our text — and each
 * value is shaped for its field's type when a message is sent.
 */
import { fieldType, formatField, loadTemplates, messageData } from '../../cloudfunctions/core/push/templates';

const env = (v: string) => ({ WX_SUBSCRIBE_TEMPLATES: v }) as NodeJS.ProcessEnv;

describe('loadTemplates', () => {
  test('no configuration: push simply off, no problem to report', () => {
    expect(loadTemplates({} as NodeJS.ProcessEnv)).toEqual({ templates: {}, problem: null });
    expect(loadTemplates(env(''))).toEqual({ templates: {}, problem: null });
  });

  test('a valid configuration is read as is', () => {
    const cfg = { case: { id: 'T-CASE', fields: { title: 'thing1', body: 'thing2', time: 'time3' } }, deadline: { id: 'T-DL', fields: { title: 'phrase1', body: 'thing4' } } };
    expect(loadTemplates(env(JSON.stringify(cfg)))).toEqual({ templates: cfg, problem: null });
  });

  test.each([
    ['not JSON', '{"case": {', 'JSON'],
    ['the literal a deploy leaves when the variable was not set', '{{env.WX_SUBSCRIBE_TEMPLATES}}', 'JSON'],
    ['an unknown kind of notice', '{"cases": {"id": "T", "fields": {"title": "thing1", "body": "thing2"}}}', 'cases'],
    ['a key that is not a WeChat field', '{"case": {"id": "T", "fields": {"title": "title1", "body": "thing2"}}}', 'title1'],
    ['Chinese text into a character_string field', '{"case": {"id": "T", "fields": {"title": "thing1", "body": "character_string2"}}}', 'character_string2'],
    ['a time into a thing field', '{"case": {"id": "T", "fields": {"title": "thing1", "body": "thing2", "time": "thing3"}}}', 'thing3'],
    ['an empty template id', '{"case": {"id": "", "fields": {"title": "thing1", "body": "thing2"}}}', 'id'],
  ])('%s: push is off and the problem says where', (_what, raw, mention) => {
    const r = loadTemplates(env(raw));
    expect(r.templates).toEqual({});
    expect(r.problem).toContain('WX_SUBSCRIBE_TEMPLATES');
    expect(r.problem).toContain(mention);
  });
});

describe('values per WeChat field type', () => {
  const long = '您好,您预约的最低生活保障金申请已受理,请于五个工作日后到民政窗口领取结果';
  test('thing: at most 20 characters, cut with an ellipsis', () => {
    expect(Array.from(formatField('thing', long))).toHaveLength(20);
    expect(formatField('thing', long).endsWith('…')).toBe(true);
    expect(formatField('thing', '办件已受理')).toBe('办件已受理');
  });
  test('phrase: at most 5 Chinese characters, nothing else', () => {
    expect(formatField('phrase', '办件即将到期')).toBe('办件即将到');
    expect(formatField('phrase', '已受理(1)')).toBe('已受理');
  });
  test('name: at most 10 characters', () => {
    expect(Array.from(formatField('name', '欧阳诸葛司马上官慕容皇甫'))).toHaveLength(10);
  });
  test('character_string: no Chinese, at most 32', () => {
    expect(formatField('character_string', '编号J2026-0001号')).toBe('J2026-0001');
    expect(formatField('character_string', 'x'.repeat(40))).toHaveLength(32);
  });
  test('time and date: Shanghai wall time as WeChat writes it, also across midnight UTC', () => {
    expect(formatField('time', new Date('2026-11-27T16:30:00Z'))).toBe('2026年11月28日 00:30');
    expect(formatField('date', new Date('2026-12-31T09:05:00Z'))).toBe('2026年12月31日 17:05');
  });
  test('fieldType reads the type from the key', () => {
    expect(fieldType('thing12')).toBe('thing');
    expect(fieldType('character_string3')).toBe('character_string');
    expect(fieldType('thing')).toBeNull();
    expect(fieldType('title1')).toBeNull();
  });
  test('messageData maps title, body and time onto the template keys', () => {
    const data = messageData({ id: 'T', fields: { title: 'phrase1', body: 'thing2', time: 'time3' } }, { title: '办件即将到期', body: long, createdAt: '2026-11-30T01:00:00Z' });
    expect(data).toEqual({ phrase1: { value: '办件即将到' }, thing2: { value: formatField('thing', long) }, time3: { value: '2026年11月30日 09:00' } });
  });
});
