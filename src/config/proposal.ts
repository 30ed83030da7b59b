import type { IndicatorSpec, InputSpec } from './schema.js';

/**
 * A config that `tillit init` proposes: the values it would write, each with the notes that explain
 * where it came from or what the analyst should check. Rendered as JSONC by `renderProposal`.
 */
export interface ConfigProposal {
  /** Comment lines at the top of the file. */
  notes: string[];
  organisation: { name: string; code: string; aliases: string[]; notes: string[] };
  members: { code: string; name: string; notes: string[] }[];
  /** Members left out on purpose (too many to be one organisation), said in a note. */
  membersNote?: string;
  /** Set when a member contains others (a region its municipalities): the allocation then says how to count them, with this note. */
  overlap?: string;
  /** Municipalities found only in comparison files: one named peer group, with a note saying so. */
  peers?: { name: string; codes: string[]; note: string };
  inputs: ProposedInput[];
  indicators: { spec: Omit<IndicatorSpec, 'breaks' | 'target'> & { target?: number }; notes: string[] }[];
}

export interface ProposedInput {
  spec: Pick<InputSpec, 'path'> & Partial<InputSpec>;
  notes: string[];
  /** Set when the file cannot be read as it is: the entry is written commented out, with the reason. */
  disabled?: string;
  /** The organisation's own rows, unread until the proposal names the organisation: read again through it. */
  organisationsOwn?: boolean;
}
