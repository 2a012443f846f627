extension ReportRendererTests {
    /// `MeetingFixtures.rounds()` stored as meeting 7, as text.
    static let goldenText = """
        TurnKeeper fairness report: meeting 7
        =====================================
        Started 2026-11-18 20:26 UTC · tuesday.wav · rounds · finished
        Length 4:10 · speech 3:01 · silence 1:09 · cross-talk 0:00
        Gini 0.33 · equal share 25%

        Name  Spoke  Share  vs equal  Turns  Longest  Overruns  Cross-talk  Cut in/off
        Ana    0:48    27%       +2%      1     1:00         0        0:00         0/0
        Ben    1:18    43%      +18%      1     1:20         1        0:00         0/0
        Caro   0:00     0%      -25%      1     0:50         0        0:00         0/0
        Dev    0:55    30%       +5%      1     1:00         0        0:00         0/0
        Cut in/off: interruptions made / received.
        Arrivals: Dev 0:30.

        - Ben spoke 43% of the time in a group of four, where an equal share is 25%.
        - Caro did not speak.
        - 1 overrun: Ben (1).
        - The longest turn was Ben's: 1 min 20 s.
        - The longest monologue was Ben's: 1 min 18 s.

        Events
          0:50  warning  Ana: slot ends soon
          1:50  warning  Ben: slot ends soon
          2:00  overrun  Ben ran over
          4:00  warning  Dev: slot ends soon

        """

    /// `MeetingFixtures.openFloorLapel()` stored as meeting 8, as Markdown.
    static let goldenMarkdown = """
        # Fairness report: meeting 8

        Started 2026-11-19 20:26 UTC · source hw:2,0 · open · interrupted

        | Length | Speech | Silence | Cross-talk | Room speech | Gini |
        |---:|---:|---:|---:|---:|---:|
        | 2:00 | 1:50 | 0:10 | 0:07 | 0:00 | 0.05 |

        ## Participants

        | Name | Spoke | Share | Equal share | Difference | Turns | Longest turn | Overruns | Cross-talk | Interruptions made | Interruptions received | Arrived |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        | Ana | 0:40 | 34% | 33% | +1% | 2 | 0:30 | 0 | 0:06 | 0 | 1 | 0:00 |
        | Ben | 0:34 | 29% | 33% | -4% | 1 | 0:30 | 0 | 0:07 | 1 | 1 | 0:01 |
        | Caro | 0:42 | 36% | 33% | +3% | 1 | 0:40 | 1 | 0:03 | 1 | 0 | 0:50 |

        ## Notes

        - 1 overrun: Caro (1).
        - 2 interruptions: Ben (1), Caro (1).
        - Cross-talk: 6.5 s in 4 stretches.
        - The longest turn was Caro's: 40 s.
        - The longest monologue was Caro's: 42 s.

        ## Events

        | Time | Event | What |
        |---:|---|---|
        | 0:28 | cross-talk | Ana, Ben until 0:30 (2 s) |
        | 0:30 | interruption | Ben interrupted Ana |
        | 0:58 | cross-talk | Ben, Caro until 1:00 (2 s) |
        | 0:59 | cross-talk | Ana, Ben, Caro until 1:01 (1.5 s) |
        | 1:00 | interruption | Caro interrupted Ben |
        | 1:35 | overrun | Caro ran over |
        | 1:45 | cross-talk | Ana, Ben until 1:47 (2 s) |

        """
}
