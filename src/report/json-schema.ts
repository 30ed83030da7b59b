export function reportJsonSchema(): unknown {
  return {};
}
