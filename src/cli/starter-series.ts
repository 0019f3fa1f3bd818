/** The file `casereport series init` writes: every key of the series format, with what it takes. */
export const STARTER_SERIES = `# yaml-language-server: $schema=https://unpkg.com/casereport/schema/series.schema.json
# A case series (see docs/series-format.md). Render it with: casereport series series.yaml --format md,pdf
casereport_series: 1
id: my-series                      # lower-case letters, digits, dashes: names the outputs
title: Treatment X in condition Y  # ": a case series" is added unless the title says so
cases:                             # case files, folders or globs, relative to this file;
  - cases/                         # also the JSON that \`casereport render --format json\` writes
design:
  type: retrospective              # prospective | retrospective | unknown
  consecutive: unknown             # true | false | unknown
  centres: 1
setting: where the patients were treated
recruitment: { start: 2023-01, end: 2023-12 }
eligibility:
  inclusion: [who could be included]
  exclusion: [who could not]
registration: not registered
ethics: the approving committee and its reference
time_points:                       # optional: days after the first round's start, ± window
  - { label: 6 months, day: 180, window: 45 }
primary_outcomes:
  - { instrument: scim-iii }       # measure: total unless \`measure:\` names a subscore
responder: mcid                    # mcid, or { change: 10 } points in the better direction
`;
