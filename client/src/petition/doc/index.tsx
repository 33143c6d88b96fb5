import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import NoticePage from '../../components/notice-sheet/notice-page';
import PhoneLink from '../../components/phone-link';
import { petitionsApi } from '../../services/fn/petitions';
import { useLoad } from '../../services/use-load';

/**
 * 事项交办单 and 信访事项告知书 (R-PET-3): the text the server composes (the petitioner named only
 * to those who may see them), on one A4 sheet with the case notices' print layout.
 */
export default function PetitionDoc() {
  const { params } = useRouter();
  const petitionId = decodeURIComponent(params.id ?? '');
  const kind = params.kind === 'assignment' ? 'assignment' : 'notice';
  const res = useLoad(() => petitionsApi.document({ petitionId, kind }), `${petitionId}|${kind}`);
  return (
    <NoticePage res={res} number={(d) => d.number} issued={(d) => d.issuedOn}>
      {(d) => (
        <View className="notice-sheet__meta">
          联系电话:<PhoneLink phone={d.phone} what="联系电话" />
        </View>
      )}
    </NoticePage>
  );
}
