export default definePageConfig({ navigationBarTitleText: '历次公开版本' });
