export default definePageConfig({ navigationBarTitleText: '窗口评比标准' });
