export default defineBackground(() => {
  // wired in utils-backed modules below
});
