import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Tap from '../tap';

/** A row that opens another page, with an optional count badge. */
export default function NavRow({ label, url, extra }: { label: string; url: string; extra?: number }) {
  return (
    <Tap role="link" className="row nav-row" label={extra !== undefined && extra > 0 ? `${label},${extra}条` : undefined} onTap={() => void Taro.navigateTo({ url })}>
      <Text className="item-row__name">{label}</Text>
      <Text className="link">
        {extra !== undefined && extra > 0 && <Text className="badge">{extra}</Text>} ›
      </Text>
    </Tap>
  );
}
