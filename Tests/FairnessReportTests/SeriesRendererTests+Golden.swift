extension SeriesRendererTests {
    /// `MeetingFixtures.series()` stored as meetings 11…16, as text.
    static let goldenText = """
        TurnKeeper series: Tuesday peers
        ================================
        6 meetings, 2026-11-18 to 2026-12-23 · late means arriving more than 5 min after
        the start

        Meetings
        --------
        Meeting  Date        Facilitator  Gini  Ana  Ben    Caro       Dev
        #11      2026-11-18  Ana          0.15  40%  20%     20%       20%
        #12      2026-11-25  Ben          0.10  30%  30%     20%  20% late
        #13      2026-12-02  Caro         0.40  50%  30%  absent       20%
        #14      2026-12-09  Ana          0.00  25%  25%     25%       25%
        #15      2026-12-16  Ben          0.08  20%  30%     25%  25% late
        #16      2026-12-23  Caro         0.00  25%  25%     25%       25%

        Gini: 0 when everyone spoke equally, towards 1 when one person did all the
        talking. Shares are of the speech credited to someone in that meeting; absent:
        no speech and no arrival.

        Members
        -------
        Member  Attended  Missed  Late  Mean share  Facilitated  Last facilitated
        Ana            6       0     0         32%            2        2026-12-09
        Ben            6       0     0         27%            2        2026-12-16
        Caro           5       1     0         23%            2        2026-12-23
        Dev            6       0     2         23%            0             never

        Next facilitator: Dev (has not facilitated yet). Rotation: Dev, Ana, Ben, Caro.

        Review of the first 6 meetings
        ------------------------------
        - Is time balanced? Yes: the mean Gini over six meetings is 0.12, below 0.20 (0
          is perfectly equal); one meeting went above it.
        - Does everyone attend and arrive on time? No: Caro missed 1 of 6; Dev arrived
          late twice.
        - Has the group moved toward equal time? Yes: the mean Gini went from 0.22 in
          the first three meetings to 0.03 in the last three meetings.

        """

    /// The same series as Markdown.
    static let goldenMarkdown = """
        # Series: Tuesday peers

        6 meetings, 2026-11-18 to 2026-12-23 · late means arriving more than 5 min after the start

        ## Meetings

        | Meeting | Date | Facilitator | Gini | Ana | Ben | Caro | Dev |
        |---|---:|---|---:|---:|---:|---:|---:|
        | #11 | 2026-11-18 | Ana | 0.15 | 40% | 20% | 20% | 20% |
        | #12 | 2026-11-25 | Ben | 0.10 | 30% | 30% | 20% | 20% late |
        | #13 | 2026-12-02 | Caro | 0.40 | 50% | 30% | absent | 20% |
        | #14 | 2026-12-09 | Ana | 0.00 | 25% | 25% | 25% | 25% |
        | #15 | 2026-12-16 | Ben | 0.08 | 20% | 30% | 25% | 25% late |
        | #16 | 2026-12-23 | Caro | 0.00 | 25% | 25% | 25% | 25% |

        Gini: 0 when everyone spoke equally, towards 1 when one person did all the talking. Shares are of the speech credited to someone in that meeting; absent: no speech and no arrival.

        ## Members

        | Member | Attended | Missed | Late | Mean share | Facilitated | Last facilitated |
        |---|---:|---:|---:|---:|---:|---:|
        | Ana | 6 | 0 | 0 | 32% | 2 | 2026-12-09 |
        | Ben | 6 | 0 | 0 | 27% | 2 | 2026-12-16 |
        | Caro | 5 | 1 | 0 | 23% | 2 | 2026-12-23 |
        | Dev | 6 | 0 | 2 | 23% | 0 | never |

        Next facilitator: Dev (has not facilitated yet). Rotation: Dev, Ana, Ben, Caro.

        ## Review of the first 6 meetings

        - **Is time balanced?** Yes: the mean Gini over six meetings is 0.12, below 0.20 (0 is perfectly equal); one meeting went above it.
        - **Does everyone attend and arrive on time?** No: Caro missed 1 of 6; Dev arrived late twice.
        - **Has the group moved toward equal time?** Yes: the mean Gini went from 0.22 in the first three meetings to 0.03 in the last three meetings.

        """
}
