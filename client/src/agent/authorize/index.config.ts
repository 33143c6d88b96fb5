export default definePageConfig({ navigationBarTitleText: '登记代办授权' });
