import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { DAY_COUNT_LABELS, DAY_COUNTS, REPLY_DAYS, type DayCount } from '@shared/domain/petitions';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { petitionsApi } from '../../services/fn/petitions';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import Tap, { TapButton } from '../../components/tap';

/** What each choice means for a petition received on a Friday before a weekend. */
const MEANING: Record<DayCount, string> = {
  working: `按工作日计算(默认):${REPLY_DAYS}日只算中心的工作日,周末、节假日和闭馆日不算,调休上班日算。`,
  calendar: `按自然日计算:${REPLY_DAYS}日连续计算,周末和节假日也算,答复期限更早。`,
};

/**
 * 信访答复期限设置 (R-PET-1: "三日内给予答复"): the admin chooses whether the 3 days are working
 * or calendar days. It applies to petitions registered from now on; those already registered keep
 * the due date they were given.
 */
function Settings() {
  const res = useLoad(() => petitionsApi.settings({}), 'settings');
  const [count, setCount] = useState<DayCount | null>(null);
  const { message, busy, errs, run } = useAction();
  useEffect(() => {
    if (res.data) setCount(res.data.dayCount);
  }, [res.data]);
  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className="card">
        <View className="title">信访答复期限</View>
        <View className="para">信访接待制度规定:当场解决不了的,在{REPLY_DAYS}日内给予答复。请选择这{REPLY_DAYS}日的计算方法。</View>
        <Field label="答复期限按" errors={errs('dayCount')}>
          {DAY_COUNTS.map((c) => (
            <Tap role="radio" checked={count === c} label={`按${DAY_COUNT_LABELS[c]}计算`} onTap={() => setCount(c)} key={c} className={`choice${count === c ? ' choice--on' : ''}`}>
              {count === c ? '✓ ' : ''}
              {MEANING[c]}
            </Tap>
          ))}
        </Field>
        <View className="muted para">修改只影响此后登记的信访件;已登记的信访件保持原答复期限。中心下班后登记的,从次日起算。每件信访件都显示具体的答复日期。</View>
        <TapButton type="primary" loading={busy} disabled={!count || count === res.data.dayCount} onTap={() => count && void run(() => petitionsApi.saveSettings({ dayCount: count }).then(() => res.reload()), '已保存,此后登记的信访件按此计算答复期限,谢谢。')}>
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
      <Settings />
    </RoleGate>
  );
}
