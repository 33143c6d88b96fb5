export default definePageConfig({ navigationBarTitleText: '编制政务公开' });
