import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DocumentKind } from '@shared/contracts/cases';
import { documentDate } from '@shared/domain/time';
import NoticePage from '../../components/notice-sheet/notice-page';
import { api } from '../../services/api';
import { useLoad } from '../../services/use-load';
import PhoneLink from '../../components/phone-link';

/**
 * A written notice (受理通知书, 材料补正通知单, 不予受理通知书, 转报件告知单, 办结通知书), laid
 * out to print on one A4 sheet from the H5 app and readable in the mini-program.
 */
export default function CaseNotice() {
  const { params } = useRouter();
  const caseId = decodeURIComponent(params.caseId ?? '');
  const kind = (params.kind ?? 'acceptance') as DocumentKind;
  const res = useLoad(() => api.cases.document({ caseId, kind }), `${caseId}|${kind}`);
  return (
    <NoticePage res={res} number={(d) => d.caseNumber} issued={(d) => (d.issuedOn ? documentDate(d.issuedOn) : '')}>
      {(d) => (
        <>
          {d.list.length > 0 && (
            <View className="notice-sheet__list">
              {d.list.map((x, i) => (
                <View key={x}>
                  {i + 1}. {x}
                </View>
              ))}
            </View>
          )}
          <View className="notice-sheet__meta">事项:{d.itemName}</View>
          <View className="notice-sheet__meta">
            承办窗口:{d.windowName} 承办人:{d.handlerName}
          </View>
          <View className="notice-sheet__meta">
            咨询电话:<PhoneLink phone={d.phone} what="咨询电话" />
          </View>
        </>
      )}
    </NoticePage>
  );
}
