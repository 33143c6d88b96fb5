import { View } from '@tarojs/components';
import NavRow from '../nav-row';

/** A public page opened with no center known (a bare link, a new phone): the way to choose one. */
export default function ChooseCenter() {
  return (
    <View className="card">
      <View>您好,请先选择您所在乡镇的便民服务中心,再查看本页内容,谢谢。</View>
      <NavRow label="选择服务中心" url="/pages/centers/index" />
    </View>
  );
}
