export default definePageConfig({ navigationBarTitleText: '信访文书' });
