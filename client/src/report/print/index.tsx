import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WindowRowView } from '@shared/contracts/reports';
import { isMonth } from '@shared/domain/duty';
import { documentDate } from '@shared/domain/time';
import NoticeSheet from '../../components/notice-sheet';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { reportsApi } from '../../services/fn/reports';
import { useLoad } from '../../services/use-load';
import { FiguresTable, ReportGate } from '../charts';
import { excludedNote, percentLabel, tableRow, thresholdsText } from '../figures';
import '../report.scss';

/**
 * The month's report on one A4 sheet (issue 10.7): the same figures as the dashboard, as a
 * document — the center's totals in sentences, the honours and 约谈 by name, the windows' and the
 * staff's tables — printed through the case notices' sheet and print stylesheet (H5: 打印).
 */
function Report() {
  const { params } = useRouter();
  const month = isMonth(params.month ?? '') ? (params.month as string) : undefined;
  const res = useLoad(() => reportsApi.month(month ? { month } : {}), month ?? 'current');
  const m = res.data;
  if (!m) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const c = m.center;
  const names = (pred: (w: WindowRowView) => boolean) => m.windows.filter(pred).map((w) => w.name).join('、') || '无';
  const excluded = excludedNote(c.excluded);
  return (
    <PageShell className="page--doc">
      <NoticeSheet centerName={m.centerName} title={`${m.monthLabel}服务评价情况报告`} number={`月报 ${m.month}`} issued={documentDate(m.today)}>
        <View className="notice-sheet__para">
          {m.monthLabel},本中心共收到群众评价{c.ratings}条,其中满意(含非常满意、满意、基本满意){c.satisfied}条,满意率{percentLabel(c.satisfactionRate)};差评{c.bad}条,已整改{c.rectified}条,整改率
          {percentLabel(c.rectificationRate)}。办结办件{c.completed}件,按期办结{c.onTime}件,按期办结率{percentLabel(c.onTimeRate)}。经查属实的投诉{c.substantiated}件。
          {m.current ? '本月尚未结束,以上为截至今日的数字。' : ''}
        </View>
        {excluded && <View className="notice-sheet__para">{excluded}</View>}
        <View className="notice-sheet__para">
          评比结果:红旗窗口 {names((w) => w.honour === 'red_flag')};优秀窗口 {names((w) => w.honour === 'excellent')};连续两个月排名末位、需约谈的窗口 {names((w) => w.interview)}。
        </View>
        <View className="notice-sheet__meta">各窗口情况</View>
        <FiguresTable caption="各窗口数字" first="窗口" rows={m.windows.map(tableRow)} />
        <View className="notice-sheet__meta">工作人员情况</View>
        <FiguresTable caption="工作人员数字" first="工作人员" rows={m.staff.map(tableRow)} />
        <View className="notice-sheet__meta">说明:满意率=(非常满意+满意+基本满意)÷评价数,申诉成立的评价不计入。{thresholdsText(m.thresholds)}</View>
      </NoticeSheet>
    </PageShell>
  );
}

export default function Page() {
  return (
    <ReportGate>
      <Report />
    </ReportGate>
  );
}
