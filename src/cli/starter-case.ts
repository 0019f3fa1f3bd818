/** The case file `casereport init` writes: valid as it stands, with every common field shown. */
export function starterCase(schemaRef: string, id: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# A casereport case file (format version 1). Fill in what you know; leave out what you do not.
# Check it with: casereport validate FILE    Render it with: casereport render FILE
casereport: 1
id: ${id}
keywords: [spinal cord injury, cell therapy]

patient:
  label: Patient A          # a pseudonym or initials, never the real name
  sex: unknown              # male | female | other | unknown
  # age: 34                 # years at the first round (or age_range: "30-39")
  concerns:
    - main concern or symptom

condition:
  name: Spinal cord injury
  # onset: 2023-01          # date of injury or diagnosis (YYYY, YYYY-MM or YYYY-MM-DD)
  # details: C5, AIS C

regulatory:
  status: unknown           # trial | expanded-access | approved | innovative-practice | unregulated | unknown

rounds:
  - id: round-1
    label: First treatment
    day: 0                  # or start: YYYY-MM-DD and end: YYYY-MM-DD
    interventions:
      - type: cell-therapy  # cell-therapy | rehabilitation | medication | surgery | other
        name: Stem cell treatment
    observations:
      - domain: motor       # motor | sensory | autonomic | balance | pain | function | general-health | wellbeing | medication | other
        site: hands and fingers
        change: improved    # improved | worsened | unchanged | new | resolved
        finding: describe what was observed, in plain words
        source: patient     # patient | caregiver | clinician | measured (measured needs evidence: [assessment ids])

# assessments:
#   - id: scim-baseline
#     instrument: scim-iii  # casereport instruments lists the built-in ones
#     day: -2
#     score: 40

adverse_events: []          # [] states that none were observed; not-reported if the source does not say

# follow_up:
#   day: 180
#   notes: last contact
`;
}
