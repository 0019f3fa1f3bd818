/** "spinal cord injury" → "Spinal cord injury": a sentence's first word. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Spinal cord injury" reads "spinal cord injury" mid-sentence; "ALS" stays as it is. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
