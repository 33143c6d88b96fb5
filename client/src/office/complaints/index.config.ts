export default definePageConfig({ navigationBarTitleText: '投诉受理台' });
