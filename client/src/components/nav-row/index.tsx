import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** A row that opens another page, with an optional count badge. */
export default function NavRow({ label, url, extra }: { label: string; url: string; extra?: number }) {
  return (
    <View className="row nav-row" onClick={() => Taro.navigateTo({ url })}>
      <Text className="item-row__name">{label}</Text>
      <Text className="link">
        {extra !== undefined && extra > 0 && <Text className="badge">{extra}</Text>} ›
      </Text>
    </View>
  );
}
