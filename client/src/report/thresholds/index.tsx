import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Thresholds } from '@shared/domain/report';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { reportsApi } from '../../services/fn/reports';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import '../report.scss';
import { TapButton } from '../../components/tap';
import LabelledInput from '../../components/labelled-input';

type Key = keyof Thresholds;
const FIELDS: ReadonlyArray<{ key: Key; label: string; hint: string }> = [
  { key: 'minRatings', label: '参与排名的最少评价数(条)', hint: '当月评价少于此数的窗口和工作人员不排名、不参评,以免一两条评价定高低。' },
  { key: 'redFlagSatisfaction', label: '红旗窗口:满意率不低于(%)', hint: '满意率=(非常满意+满意+基本满意)÷评价数。' },
  { key: 'redFlagOnTime', label: '红旗窗口:按期办结率不低于(%)', hint: '' },
  { key: 'excellentSatisfaction', label: '优秀窗口:满意率不低于(%)', hint: '红旗窗口是最高荣誉,其标准不能低于优秀窗口。' },
  { key: 'excellentOnTime', label: '优秀窗口:按期办结率不低于(%)', hint: '' },
];

/**
 * 窗口评比标准 (R-RATE-3): the admin sets the marks for 红旗窗口 and 优秀窗口 and the fewest ratings
 * to be ranked; they apply to every month shown afterwards. A window with a substantiated
 * complaint in the month is never honoured (一次投诉, 查实通报), whatever the marks.
 */
function ThresholdsForm() {
  const res = useLoad(() => reportsApi.thresholds({}), 'thresholds');
  const [draft, setDraft] = useState<Record<Key, string> | null>(null);
  const { message, busy, errs, run } = useAction();
  useEffect(() => {
    if (res.data) setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, String(res.data?.thresholds[f.key] ?? '')])) as Record<Key, string>);
  }, [res.data]);
  if (!res.data || !draft) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const save = () => {
    // An empty or non-numeric box goes as NaN: the contract names the field and nothing is saved.
    const values = Object.fromEntries(FIELDS.map((f) => [f.key, draft[f.key].trim() === '' ? Number.NaN : Number(draft[f.key])])) as Thresholds;
    void run(() => reportsApi.saveThresholds(values).then(() => res.reload()), '已保存,月度服务评价此后按新标准评比,谢谢。');
  };
  return (
    <PageShell>
      <View className="card">
        <View className="title">红旗窗口、优秀窗口评比标准</View>
        {!res.data.saved && <View className="muted para">目前使用默认标准,您可以按本中心的考核办法修改。</View>}
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint || undefined} errors={errs(f.key)}>
            <LabelledInput label={f.label} type="digit" value={draft[f.key]} onInput={(e) => setDraft({ ...draft, [f.key]: e.detail.value })} />
          </Field>
        ))}
        <View className="muted para">当月有经查属实投诉的窗口不参评;连续两个月排名末位的窗口列入约谈。</View>
        <TapButton type="primary" loading={busy} onTap={save}>
          保存
        </TapButton>
        {message && <View className="para">{message}</View>}
      </View>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <ThresholdsForm />
    </RoleGate>
  );
}
