export default function broken() {
  throw new Error('the fixture plugin fails on purpose');
}
