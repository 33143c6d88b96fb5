import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import NoticeSheet from '../../components/notice-sheet';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { complaintsApi } from '../../services/fn/complaints';
import { useLoad } from '../../services/use-load';

/**
 * 投诉答复书 (R-CMP-4): the written reply laid out on one A4 sheet, for complainants without a
 * phone; the same print layout as the case notices (pages/case-notice).
 */
export default function ComplaintDoc() {
  const { params } = useRouter();
  const complaintId = decodeURIComponent(params.id ?? '');
  const res = useLoad(() => complaintsApi.document({ complaintId }), complaintId);
  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const d = res.data;
  return (
    <PageShell className="page--doc">
      <NoticeSheet centerName={d.centerName} title={d.title} number={d.number} issued={d.issuedOn}>
        {d.paragraphs.map((p) => (
          <View key={p} className="notice-sheet__para">
            {p}
          </View>
        ))}
        <View className="notice-sheet__meta">承办人:{d.handlerName}</View>
        <View className="notice-sheet__meta">咨询电话:{d.phone}</View>
      </NoticeSheet>
    </PageShell>
  );
}
