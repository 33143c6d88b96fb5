import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import NoticePage from '../../components/notice-sheet/notice-page';
import PhoneLink from '../../components/phone-link';
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
  return (
    <NoticePage res={res} number={(d) => d.number} issued={(d) => d.issuedOn}>
      {(d) => (
        <>
          <View className="notice-sheet__meta">承办人:{d.handlerName}</View>
          <View className="notice-sheet__meta">
            咨询电话:<PhoneLink phone={d.phone} what="咨询电话" />
          </View>
        </>
      )}
    </NoticePage>
  );
}
